# R quadprog cross-check of the mean-variance references. Run from qtrade-portfolio/src/test/resources/refcases
# after ../../python/portfolio_expected.py:  Rscript ../../r/quadprog_crosscheck.R
# Writes portfolio_quadprog_crosscheck.json. R 4.2.2, quadprog 1.5-8, jsonlite 1.8.4 (Debian r-cran-quadprog).
suppressMessages({library(quadprog); library(jsonlite)})
mv <- fromJSON("portfolio_mean_variance_expected.json", simplifyVector = FALSE)
cases <- list()
for (name in names(mv$cases)) {
  e <- mv$cases[[name]]
  R <- as.matrix(read.csv(sprintf("portfolio_%s_returns.csv", name))[, -1])
  S <- cov(R)
  n <- ncol(R)
  mu <- colMeans(R)
  p <- e$params
  sc <- 1 / mean(diag(S))
  D <- 2 * S * sc
  # sum w = 1 (equality), w >= lb, -w >= -ub
  A <- cbind(rep(1, n), diag(n), -diag(n))
  gmv <- solve.QP(D, rep(0, n), A, c(1, rep(p$lower_bound, n), rep(-p$upper_bound, n)), meq = 1)$solution
  At <- cbind(rep(1, n), mu, diag(n), -diag(n))
  eff <- solve.QP(D, rep(0, n), At, c(1, p$target_return_daily, rep(p$lower_bound, n), rep(-p$upper_bound, n)),
                  meq = 2)$solution
  # y = kappa w: (mu - rf)'y = 1, y_i - lb sum y >= 0, ub sum y - y_i >= 0
  Ay <- cbind(mu - p$rf_daily, diag(n) - p$lower_bound, p$upper_bound - diag(n))
  y <- solve.QP(D, rep(0, n), Ay, c(1, rep(0, 2 * n)), meq = 1)$solution
  cases[[name]] <- list(gmv_long_only_bounded = gmv, max_sharpe_long_only_bounded = y / sum(y),
                        efficient_for_target_bounded = eff,
                        mean_daily_max_abs_diff_vs_json = max(abs(mu - unlist(e$mean_daily))))
}
write(toJSON(list(generated_by = "Rscript ../../r/quadprog_crosscheck.R",
                  versions = list(R = R.version.string, quadprog = as.character(packageVersion("quadprog")),
                                  jsonlite = as.character(packageVersion("jsonlite"))),
                  note = paste("quadprog::solve.QP (Goldfarb-Idnani active set) on the same problems as",
                               "portfolio_mean_variance_expected.json: covariance = R cov() (ddof 1) of the returns CSV,",
                               "objective scaled by 1/mean(diag(S)); weights in the asset order of the CSV."),
                  cases = cases), auto_unbox = TRUE, digits = NA, pretty = TRUE), "portfolio_quadprog_crosscheck.json")
cat("ok\n")
