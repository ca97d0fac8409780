# Expected values for the pre/post statistics (org.coachapproach.assessment.analysis), from R.
# Reads the committed inputs next to this script and writes the committed expected-*.csv files,
# every number printed with 17 significant digits (NA where R gives no value). Run from this
# folder:  Rscript reference.R
# The Java tests read the expected files; R is needed only to regenerate them.

num <- function(x) ifelse(is.na(x), "NA", sprintf("%.17g", x))

write_rows <- function(rows, file) {
  out <- do.call(rbind, lapply(rows, function(r) as.data.frame(r, stringsAsFactors = FALSE)))
  write.csv(out, file, row.names = FALSE, quote = FALSE, na = "NA")
}

# The mode: the most frequent value; among equally frequent values, the smallest.
mode_of <- function(x) {
  u <- sort(unique(x))
  u[which.max(tabulate(match(x, u)))]
}

# --- paired comparisons -------------------------------------------------------------------
paired <- read.csv("paired-input.csv", stringsAsFactors = FALSE)
rows <- list()
for (case in unique(paired$case)) {
  d <- paired[paired$case == case, ]
  both <- !is.na(d$pre) & !is.na(d$post)
  pre <- d$pre[both]
  post <- d$post[both]
  diff <- post - pre
  n <- length(diff)
  tt <- tryCatch(t.test(post, pre, paired = TRUE), error = function(e) NULL)
  wt <- tryCatch(suppressWarnings(wilcox.test(post, pre, paired = TRUE)), error = function(e) NULL)
  rows[[length(rows) + 1]] <- list(
    case = case, n = n, dropped = nrow(d) - n,
    pre_mean = num(mean(pre)), pre_sd = num(sd(pre)), post_mean = num(mean(post)), post_sd = num(sd(post)),
    pre_median = num(median(pre)), post_median = num(median(post)),
    pre_mode = num(mode_of(pre)), post_mode = num(mode_of(post)),
    mean_diff = num(mean(diff)),
    ci_low = num(if (is.null(tt)) NA else tt$conf.int[1]),
    ci_high = num(if (is.null(tt)) NA else tt$conf.int[2]),
    t = num(if (is.null(tt)) NA else unname(tt$statistic)),
    df = num(if (is.null(tt)) NA else unname(tt$parameter)),
    p = num(if (is.null(tt)) NA else tt$p.value),
    dz = num(if (sd(diff) == 0) NA else mean(diff) / sd(diff)),
    wilcoxon_v = num(if (is.null(wt)) NA else unname(wt$statistic)),
    wilcoxon_p = num(if (is.null(wt)) NA else wt$p.value),
    wilcoxon_exact = if (is.null(wt)) NA else grepl("exact", wt$method),
    improved = sum(diff > 0), unchanged = sum(diff == 0), declined = sum(diff < 0))
}
write_rows(rows, "expected-paired.csv")

# --- p.adjust -----------------------------------------------------------------------------
padj <- read.csv("padjust-input.csv", stringsAsFactors = FALSE)
rows <- list()
for (table in unique(padj$table)) {
  d <- padj[padj$table == table, ]
  holm <- p.adjust(d$p, method = "holm")
  bh <- p.adjust(d$p, method = "BH")
  for (i in seq_len(nrow(d))) {
    rows[[length(rows) + 1]] <- list(table = table, id = d$id[i], p = num(d$p[i]), holm = num(holm[i]), bh = num(bh[i]))
  }
}
write_rows(rows, "expected-padjust.csv")

# --- scale scores: the mean of the answered items when at least half are answered -----------
scale <- read.csv("scale-input.csv", stringsAsFactors = FALSE)
items <- as.matrix(scale[, -1])
answered <- rowSums(!is.na(items))
score <- ifelse(answered >= ceiling(ncol(items) / 2), rowMeans(items, na.rm = TRUE), NA)
write_rows(lapply(seq_len(nrow(scale)), function(i) list(respondent = scale$respondent[i], answered = answered[i],
  score = num(score[i]))), "expected-scale.csv")

# --- Likert distributions (1-5) of the integer cases, for diverging stacked bars -----------
rows <- list()
for (case in unique(paired$case)) {
  d <- paired[paired$case == case, ]
  for (wave in c("pre", "post")) {
    x <- d[[wave]]
    x <- x[!is.na(x)]
    if (!all(x == round(x)) || any(x < 1 | x > 5)) next
    counts <- tabulate(x, nbins = 5)
    pct <- 100 * counts / length(x)
    row <- list(case = case, wave = wave, n = length(x))
    for (k in 1:5) row[[paste0("count", k)]] <- counts[k]
    for (k in 1:5) row[[paste0("percent", k)]] <- num(pct[k])
    row$top_two <- num(100 * sum(x >= 4) / length(x))
    row$bottom_two <- num(100 * sum(x <= 2) / length(x))
    rows[[length(rows) + 1]] <- row
  }
}
write_rows(rows, "expected-likert.csv")
cat(R.version.string, "\n")
