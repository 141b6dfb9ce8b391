# urca 1.3-3 references for Johansen (ca.jo) and the VECM (cajorls) on the project's synthetic quarterly system.
# Run from qtrade-features/src/test/resources/refcases:
#   Rscript ../../r/urca_expected.R [input.csv] [prefix]
# Writes vecm_urca_crosscheck.json and johansen_urca_expected.json. R 4.2.2, urca 1.3-3, jsonlite (Debian bookworm:
# r-base-core, r-cran-urca, r-cran-jsonlite).
suppressMessages({library(urca); library(jsonlite)})
args <- commandArgs(trailingOnly = TRUE)
input <- if (length(args) >= 1) args[1] else "johansen_synthetic_quarterly.csv"
prefix <- if (length(args) >= 2) args[2] else "synthetic"
d <- read.csv(input)
x <- as.matrix(d[, c("LRM", "LRY", "IBO", "IDE")])
versions <- list(R = paste(R.version$major, R.version$minor, sep = "."),
                 urca = as.character(packageVersion("urca")), jsonlite = as.character(packageVersion("jsonlite")))
rows <- function(m) lapply(seq_len(nrow(m)), function(i) I(unname(as.numeric(m[i, ]))))

# cajorls: the VECM's beta (first r rows = I, restricted rows appended), alpha and Gamma.
cases <- list()
for (ecdet in c("none", "const", "trend")) {
  for (K in c(2, 3)) {
    for (r in c(1, 2)) {
      fit <- cajorls(ca.jo(x, type = "trace", ecdet = ecdet, K = K, spec = "transitory"), r = r)
      co <- coef(fit$rlm)
      ect <- grep("^ect", rownames(co))
      dl <- grep("\\.dl", rownames(co))
      cases[[sprintf("%s_rank%d_K%d_%s", prefix, r, K, ecdet)]] <- list(
        data = prefix, r = r, K = K, ecdet = ecdet,
        beta = rows(fit$beta), alpha = rows(t(co[ect, , drop = FALSE])), gamma = rows(t(co[dl, , drop = FALSE])),
        gamma_columns = rownames(co)[dl], beta_rows = rownames(fit$beta))
    }
  }
}
write(toJSON(list(
  generated_by = "Rscript ../../r/urca_expected.R",
  versions = versions, input = input,
  definition = paste("cajorls(ca.jo(x, type='trace', ecdet, K, spec='transitory'), r): beta normalised with the",
                     "first r rows = I, restricted deterministic rows (constant or trend) appended; alpha =",
                     "coefficients of ect1..ectr (K x r); gamma = coefficients of the lagged differences, columns",
                     "var.dl1 for every var, then var.dl2."),
  cases = cases), auto_unbox = TRUE, digits = NA, pretty = TRUE), "vecm_urca_crosscheck.json")

# ca.jo: eigenvalues, both statistics with urca's Osterwald-Lenum critical values, V (normalised) and W, for every
# ecdet, both specs, K = 2 and 3, with and without quarterly seasonal dummies. Statistics are listed from r = 0
# upwards (urca prints r <= p-1 first; reversed here), critical values likewise (columns 10pct, 5pct, 1pct).
jo <- list()
for (ecdet in c("none", "const", "trend")) {
  for (spec in c("longrun", "transitory")) {
    for (K in c(2, 3)) {
      for (season in c(0, 4)) {
        s <- if (season == 0) NULL else season
        tr <- ca.jo(x, type = "trace", ecdet = ecdet, K = K, spec = spec, season = s)
        ev <- ca.jo(x, type = "eigen", ecdet = ecdet, K = K, spec = spec, season = s)
        p <- length(tr@teststat)
        rev_rows <- function(m) rows(m[rev(seq_len(nrow(m))), , drop = FALSE])
        jo[[sprintf("ecdet=%s,spec=%s,K=%d,season=%d", ecdet, spec, K, season)]] <- list(
          ecdet = ecdet, spec = spec, K = K, season = season,
          lambda = unname(as.numeric(tr@lambda)),
          trace = rev(unname(as.numeric(tr@teststat))), max_eig = rev(unname(as.numeric(ev@teststat))),
          trace_cval_10_5_1 = rev_rows(tr@cval), max_eig_cval_10_5_1 = rev_rows(ev@cval),
          V = rows(tr@V), W = rows(tr@W))
      }
    }
  }
}
write(toJSON(list(
  generated_by = "Rscript ../../r/urca_expected.R",
  versions = versions, input = input,
  definition = paste("ca.jo(x, type='trace' and 'eigen', ecdet, K, spec, season = NULL or 4): lambda (p or p+1",
                     "values with a restricted term), trace and max_eig statistics from r = 0 up, Osterwald-Lenum",
                     "critical values (10, 5, 1 %) in the same order, V = the normalised eigenvectors (columns,",
                     "first row 1), W = the loadings. Seasonal dummies are urca's centred ones, first season at the",
                     "first row."),
  cases = jo), auto_unbox = TRUE, digits = NA, pretty = TRUE), "johansen_urca_expected.json")
cat("ok\n")
