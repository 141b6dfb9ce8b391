# fGarch and tseries references for GARCH(1,1) on the project's synthetic FX returns.
# Run from qtrade-features/src/test/resources/refcases:  Rscript ../../r/garch_expected.R [input.csv]
# Writes garch_fgarch_expected.json. R 4.2.2, fGarch 4022.89, tseries 0.10-53, jsonlite 1.8.4 (Debian bookworm:
# r-cran-fgarch, r-cran-tseries, r-cran-jsonlite).
suppressMessages({library(fGarch); library(tseries); library(jsonlite)})
args <- commandArgs(trailingOnly = TRUE)
input <- if (length(args) >= 1) args[1] else "garch_synthetic_fx.csv"
x <- read.csv(input)$r
fit <- garchFit(~garch(1, 1), data = x, cond.dist = "norm", include.mean = TRUE, trace = FALSE)
co <- coef(fit)
se <- fit@fit$se.coef
ts <- garch(x - mean(x), order = c(1, 1), trace = FALSE)
res <- list()
res[[input]] <- list(
  n = length(x),
  coef = as.list(co), se = as.list(se), loglik = -fit@fit$llh,
  aic_per_obs = unname(fit@fit$ics["AIC"]),
  note = paste("loglik = -fit@fit$llh (fGarch's minimised negative log-likelihood incl. 0.5*log(2*pi) terms);",
               "defaults init.rec='mci' (presample eps_0^2=h_0=mean(eps^2)), algorithm='nlminb'"),
  tseries_garch = list(coef = as.list(coef(ts)),
                       note = "tseries::garch on the demeaned series (no mean parameter), quasi-Newton, init h = sample variance"))
write(toJSON(list(
  generated_by = "Rscript ../../r/garch_expected.R",
  versions = list(R = R.version.string, fGarch = as.character(packageVersion("fGarch")),
                  tseries = as.character(packageVersion("tseries")), jsonlite = as.character(packageVersion("jsonlite"))),
  call = paste("fGarch::garchFit(~garch(1,1), data=x, cond.dist='norm', include.mean=TRUE, trace=FALSE)",
               "(defaults: init.rec='mci', algorithm='nlminb'); tseries::garch(x - mean(x), order=c(1,1))"),
  results = res), auto_unbox = TRUE, digits = NA, pretty = TRUE), "garch_fgarch_expected.json")
cat("ok\n")
