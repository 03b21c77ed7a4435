/**
 * Whether a folded token has the shape of a Vietnamese syllable (onset + rhyme). Typo repair only
 * touches tokens that cannot be a syllable ("dnag", "chugn", "teim"): a well-formed syllable the
 * knowledge base does not contain ("tiếng", "bóng") is a real word we simply do not know, and
 * "repairing" it into a known one ("tiền", "dòng") would invent evidence.
 */
const ONSETS = [
  '', 'b', 'c', 'ch', 'd', 'g', 'gh', 'gi', 'h', 'k', 'kh', 'l', 'm', 'n', 'ng', 'ngh', 'nh', 'p',
  'ph', 'qu', 'r', 's', 't', 'th', 'tr', 'v', 'x',
];

const RHYMES = new Set(
  (
    'a ac ach ai am an ang anh ao ap at au ay ' +
    'e ec ech em en eng enh eo ep et eu ' +
    'i ia ich iec iem ien ieng iep iet ieu im in inh ip it iu ' +
    'o oc oi om on ong op ot ooc oong ' +
    'u ua uc ui um un ung uoc uoi uom uon uong uop uot uou up ut uu ' +
    'y yem yen yet yeu ' +
    'oa oac oach oai oam oan oang oanh oao oap oat oay oe oen oeo oet ' +
    'uan uang uat uay ue uenh uo uy uya uych uyen uyet uynh uyt uyu'
  ).split(' '),
);

/** Vietnamese spelling: "k" only before i, e, y; "c" never before them ("kon" is teencode for "con"). */
function spelledRight(onset: string, rhyme: string): boolean {
  const front = /^[iey]/.test(rhyme);
  if (onset === 'k' || onset === 'gh' || onset === 'ngh') return front;
  if (onset === 'c') return !front;
  return true;
}

export function isSyllableShaped(token: string): boolean {
  for (const onset of ONSETS) {
    const rhyme = token.slice(onset.length);
    if (token.startsWith(onset) && RHYMES.has(rhyme) && spelledRight(onset, rhyme)) return true;
  }
  return false;
}
