/**
 * The modules every QR symbol of a version has, so a fitted grid can be checked against them:
 * finder patterns and their light separators, timing patterns, alignment patterns, the dark
 * module, and a light quiet-zone ring one module wide around the symbol. Indexed on an
 * (n + 2)² grid that includes the ring; 1 dark, -1 light, 0 data (unknown).
 */
export function functionTemplate(version: number): Int8Array {
  const n = 17 + 4 * version, m = n + 2;
  const t = new Int8Array(m * m);
  const set = (i: number, j: number, dark: boolean) => {
    if (i >= -1 && j >= -1 && i <= n && j <= n) t[(i + 1) * m + j + 1] = dark ? 1 : -1;
  };
  for (let k = -1; k <= n; k++) set(-1, k, false), set(n, k, false), set(k, -1, false), set(k, n, false);
  for (let k = 8; k < n - 8; k++) set(6, k, k % 2 === 0), set(k, 6, k % 2 === 0);
  for (const [r, c] of [[0, 0], [0, n - 7], [n - 7, 0]] as const) {
    for (let i = -1; i <= 7; i++) {
      for (let j = -1; j <= 7; j++) {
        const ring = Math.max(Math.abs(i - 3), Math.abs(j - 3));
        set(r + i, c + j, ring !== 2 && ring <= 3);
      }
    }
  }
  const centres = alignmentCentres(version);
  for (const r of centres) {
    for (const c of centres) {
      if ((r === 6 && c === 6) || (r === 6 && c === n - 7) || (r === n - 7 && c === 6)) continue;
      for (let i = -2; i <= 2; i++) for (let j = -2; j <= 2; j++) set(r + i, c + j, Math.max(Math.abs(i), Math.abs(j)) !== 1);
    }
  }
  set(4 * version + 9, 8, true);
  return t;
}

/** Row/column centres of the alignment patterns (ISO/IEC 18004 Annex E, computed as Nayuki does). */
function alignmentCentres(version: number): number[] {
  if (version === 1) return [];
  const count = Math.floor(version / 7) + 2;
  const step = version === 32 ? 26 : Math.ceil((version * 4 + 4) / (count * 2 - 2)) * 2;
  const out = [6];
  for (let pos = 17 + 4 * version - 7; out.length < count; pos -= step) out.splice(1, 0, pos);
  return out;
}
