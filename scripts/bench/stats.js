// Median and spread of a list of samples.
function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
}

/** `{ median, min, max }` of the samples. */
function summary(xs) {
  return { median: median(xs), min: Math.min(...xs), max: Math.max(...xs) };
}

module.exports = { median, summary };
