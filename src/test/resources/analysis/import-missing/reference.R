# Expected figures for an imported pre/post pair with missing answers, from R.
# Reads the two committed Qualtrics exports next to this script, exactly as staff upload them:
#   mentor-prepost-pre.csv   CSV, UTF-8, Qualtrics' three header rows, answers as choice text
#   mentor-prepost-post.tsv  TSV, UTF-16LE with a byte order mark (Qualtrics' TSV download), the
#                            same layout; the column of one item (climate-development) is absent:
#                            that item was not asked in the post wave
# A blank cell is a missing answer (NA). Choice text is matched to the scale's labels ignoring
# case and runs of white space (non-breaking spaces too) and mapped to 1-5. Pre and post pair up
# by the respondent code (ExternalReference).
# Per item: the respondents with both answers to that item. Per section (every section of
# mentor-prepost is scored): a respondent's score in a wave is the mean of the section's items
# they answered when they answered at least half of the section's items (an item not asked
# counts as not answered), else NA; the respondents with a score in both waves.
# Writes expected-report.csv, numbers with 17 significant digits (NA where R gives none).
# Run from this folder:  Rscript reference.R

num <- function(x) ifelse(is.na(x), "NA", sprintf("%.17g", x))

labels <- c("Not at all", "A little", "Somewhat", "Quite a bit", "A great deal")
normal <- function(x) tolower(trimws(gsub("[[:space:]\u00a0\u2007\u202f]+", " ", x, perl = TRUE)))

read_export <- function(path, sep, encoding) {
  con <- file(path, encoding = encoding)
  lines <- readLines(con, warn = FALSE)
  close(con)
  lines <- sub("^\ufeff", "", lines)
  cells <- read.table(text = lines, sep = sep, quote = "\"", header = FALSE, colClasses = "character",
    na.strings = character(0), comment.char = "", strip.white = FALSE, check.names = FALSE,
    encoding = "UTF-8")
  questions <- unlist(cells[2, ])
  data <- cells[-(1:3), ]
  # item columns: question texts "Section - item text"
  is_item <- grepl(" - ", questions)
  values <- lapply(which(is_item), function(j) {
    x <- data[[j]]
    v <- match(normal(x), normal(labels))
    bad <- x != "" & is.na(v)
    if (any(bad)) stop("unknown label '", x[bad][1], "' in ", questions[j])
    v
  })
  names(values) <- questions[is_item]
  list(code = data[[which(unlist(cells[1, ]) == "ExternalReference")]], items = as.data.frame(values,
    check.names = FALSE))
}

pre <- read_export("mentor-prepost-pre.csv", ",", "UTF-8")
post <- read_export("mentor-prepost-post.tsv", "\t", "UTF-16LE")

questions <- union(names(pre$items), names(post$items))
codes <- intersect(pre$code, post$code)
answers <- function(export, question) {
  if (!(question %in% names(export$items))) return(rep(NA_real_, length(codes)))
  as.numeric(export$items[[question]][match(codes, export$code)])
}
section_of <- sub(" - .*$", "", questions)
item_of <- sub("^[^-]* - ", "", questions)
pre_items <- sapply(questions, function(q) answers(pre, q))
post_items <- sapply(questions, function(q) answers(post, q))

half_rule <- function(m) {
  answered <- rowSums(!is.na(m))
  ifelse(answered >= ncol(m) / 2, rowMeans(m, na.rm = TRUE), NA)
}

figures <- function(table, label, a, b) {
  both <- !is.na(a) & !is.na(b)
  a <- a[both]
  b <- b[both]
  d <- b - a
  n <- length(d)
  tt <- if (n >= 2 && sd(d) > 0) t.test(b, a, paired = TRUE) else NULL
  wt <- if (n >= 1 && any(d != 0)) suppressWarnings(wilcox.test(b, a, paired = TRUE)) else NULL
  list(table = table, label = label, n = n,
    pre_mean = num(if (n > 0) mean(a) else NA), pre_sd = num(if (n > 1) sd(a) else NA),
    post_mean = num(if (n > 0) mean(b) else NA), post_sd = num(if (n > 1) sd(b) else NA),
    mean_diff = num(if (n > 0) mean(d) else NA),
    ci_low = num(if (is.null(tt)) NA else tt$conf.int[1]), ci_high = num(if (is.null(tt)) NA else tt$conf.int[2]),
    t = num(if (is.null(tt)) NA else unname(tt$statistic)), df = num(if (is.null(tt)) NA else unname(tt$parameter)),
    p = num(if (is.null(tt)) NA else tt$p.value),
    dz = num(if (n < 2 || sd(d) == 0) NA else mean(d) / sd(d)),
    wilcoxon_v = num(if (is.null(wt)) NA else unname(wt$statistic)),
    wilcoxon_p = num(if (is.null(wt)) NA else wt$p.value))
}

rows <- list()
for (section in unique(section_of)) {
  in_section <- section_of == section
  rows[[length(rows) + 1]] <- figures("scale", section, half_rule(pre_items[, in_section, drop = FALSE]),
    half_rule(post_items[, in_section, drop = FALSE]))
}
for (j in seq_along(questions)) {
  rows[[length(rows) + 1]] <- figures("item", item_of[j], pre_items[, j], post_items[, j])
}
out <- do.call(rbind, lapply(rows, function(r) as.data.frame(r, stringsAsFactors = FALSE)))
write.csv(out, "expected-report.csv", row.names = FALSE, na = "NA")
cat(R.version.string, ":", length(codes), "codes in both files,", sum(is.na(pre_items)) + sum(is.na(post_items)),
  "missing answers among them\n")
