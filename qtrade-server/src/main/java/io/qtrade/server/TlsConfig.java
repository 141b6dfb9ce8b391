package io.qtrade.server;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;

/**
 * TLS for the server: a key store (PKCS#12 or JKS) holding the server's private key and certificate chain, given by
 * the user. With it the server speaks only HTTPS and WSS (Jetty's {@code SslContextFactory.Server}, TLS 1.2 and 1.3
 * with the JDK's default cipher suites), and binding to a non-loopback address no longer warns.
 *
 * <p>A self-signed key store for a test or a private network ({@code keytool}, part of every JDK):
 * <pre>{@code
 * keytool -genkeypair -alias qtrade -keyalg EC -groupname secp256r1 -validity 365 -dname CN=myhost \
 *         -ext SAN=dns:myhost,ip:10.0.0.5 -storetype PKCS12 -keystore server.p12 -storepass "$PASS"
 * }</pre>
 * Clients must then trust that certificate (browsers ask once; a Java client loads it into its trust store).
 *
 * @param keyStore      the key store file
 * @param password      the key store's password (also the key's: keytool's PKCS#12 default); never printed
 * @param keyStoreType  {@code PKCS12} (default) or {@code JKS}
 */
public record TlsConfig(Path keyStore, String password, String keyStoreType) {

    /** Checks that the file is readable and the type known, naming what is wrong (never the password). */
    public TlsConfig {
        Objects.requireNonNull(keyStore, "tls: keyStore");
        Objects.requireNonNull(password, "tls: password");
        Objects.requireNonNull(keyStoreType, "tls: keyStoreType");
        if (!Files.isReadable(keyStore)) {
            throw new IllegalArgumentException("tls: key store " + keyStore + " is not a readable file");
        }
        if (!keyStoreType.equals("PKCS12") && !keyStoreType.equals("JKS")) {
            throw new IllegalArgumentException("tls: keyStoreType must be PKCS12 or JKS, was " + keyStoreType);
        }
    }

    /** A PKCS#12 key store. */
    public static TlsConfig pkcs12(Path keyStore, String password) {
        return new TlsConfig(keyStore, password, "PKCS12");
    }

    /** Never the password. */
    @Override
    public String toString() {
        return "TlsConfig[" + keyStoreType + " " + keyStore + "]";
    }
}
