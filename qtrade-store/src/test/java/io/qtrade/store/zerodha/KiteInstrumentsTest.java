package io.qtrade.store.zerodha;

import io.qtrade.store.ingest.ImportException;
import io.qtrade.store.ingest.ImportOptions;
import io.qtrade.core.Instrument;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import static io.qtrade.store.ingest.ImportTestSupport.resource;
import static io.qtrade.store.ingest.ImportTestSupport.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class KiteInstrumentsTest {

    @TempDir
    Path dir;

    @Test
    void dumpRowsKeepEveryColumnAndConvertToCoreInstruments() {
        List<KiteInstrument> all = KiteInstruments.read(resource("zerodha/instruments.csv"), ImportOptions.STRICT);
        assertThat(all).hasSize(5);
        KiteInstrument infy = all.get(0);
        assertThat(infy.instrumentToken()).isEqualTo(408065);
        assertThat(infy.exchangeToken()).isEqualTo(1594);
        assertThat(infy.name()).isEqualTo("INFOSYS");
        assertThat(infy.expiry()).isEmpty();
        assertThat(infy.toInstrument()).isEqualTo(Instrument.spot("INFY", "NSE", 0.05, 1));
        assertThat(all.get(2).name()).isEqualTo("HDFC BANK, LTD"); // quoted comma
        KiteInstrument fut = all.get(3);
        assertThat(fut.expiry()).contains(LocalDate.of(2024, 1, 25));
        assertThat(fut.lotSize()).isEqualTo(50);
        Instrument nifty = fut.toInstrument();
        assertThat(nifty.venue()).isEqualTo("NFO");
        assertThat(nifty.tickSize()).isEqualTo(0.05);
        assertThat(nifty.lotSize()).isEqualTo(50);
        assertThat(all.get(4).strike()).isEqualTo(21800);
        assertThat(all.get(4).instrumentType()).isEqualTo("CE");
    }

    @Test
    void anIndexRowIsReadButIsNotTradable() {
        KiteInstrument index = KiteInstruments.read(resource("zerodha/instruments.csv"), ImportOptions.STRICT).get(1);
        assertThat(index.tradable()).isFalse();
        assertThatThrownBy(index::toInstrument).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("NIFTY 50@NSE (token 256265, segment INDICES) is not tradable");
    }

    @Test
    void badRowsNameLineAndColumn() {
        Path file = write(dir, "i.csv", KiteInstruments.HEADER,
                "408065,1594,INFY,\"INFOSYS\",0,,,0.05,1,EQ,NSE,NSE",
                "408066,1595,BAD,\"X\",0,,,-0.05,1,EQ,NSE,NSE",
                "408067,1596,BAD2,\"X\",0,2024-13-01,,0.05,1,EQ,NSE,NSE");
        assertThatThrownBy(() -> KiteInstruments.read(file, ImportOptions.STRICT))
                .isInstanceOfSatisfying(ImportException.class, e -> {
                    assertThat(e.line()).isEqualTo(3);
                    assertThat(e.field()).isEqualTo("tick_size");
                    assertThat(e.problem()).contains("negative quantity -0.05");
                });
        assertThat(KiteInstruments.read(file, ImportOptions.LENIENT)).hasSize(1);
    }
}
