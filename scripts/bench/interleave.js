// Two commands measured in turn, A B A B …, after one warm-up run of each, so both sides of a
// ratio see the same machine load; the ratio is taken pair by pair (CPU seconds, user + sys).
const { summary } = require('./stats');

/** `a` and `b` are functions running one measured run each and returning `{ cpu, wall, mb, … }`. */
function interleaved(a, b, runs) {
  a();
  b();
  const as = [];
  const bs = [];
  for (let i = 0; i < runs; i++) {
    as.push(a());
    bs.push(b());
  }
  return { a: describe(as), b: describe(bs), ratio: summary(as.map((s, i) => s.cpu / bs[i].cpu)) };
}

/** Runs `f` after one warm-up, `runs` times. */
function repeated(f, runs) {
  f();
  const xs = [];
  for (let i = 0; i < runs; i++) xs.push(f());
  return describe(xs);
}

function describe(samples) {
  return { cpu: summary(samples.map((s) => s.cpu)), wall: summary(samples.map((s) => s.wall)), mb: summary(samples.map((s) => s.mb)),
    jsonBytes: samples[samples.length - 1].jsonBytes };
}

module.exports = { interleaved, repeated };
