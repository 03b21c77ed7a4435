/**
 * Words whose meaning depends on their diacritics, read before folding so that folding does not turn
 * them into other words ("chó" dog vs "cho" give). Lower case, NFC.
 */

/**
 * Words that are unambiguous only with their diacritics ("chó" dog, but "cho" give; "gà" chicken,
 * but "ga" station; "bò" cow, but "bố" father; "dại" rabies, but "dài" long; "sởi" measles, but
 * "soi" look), read before folding as the folded pair that marks a pet, livestock or other-disease
 * question (OTHER_DISEASE_TERMS): such shots never get a COVID-19 answer. Lower case, NFC.
 */
export const MARKED_WORDS: Readonly<Record<string, string>> = {
  'dại': 'benh dai', 'sởi': 'benh soi',
  // "xã hội" (social insurance, social distancing) is not "xã hỏi" (the commune asks): see FOLDED_OTHER_ADMIN
  'xã hội': 'xahoi',
  // "còn" (still, and what about) is a grammar word; folded it would be "con" (a child)
  'còn': '',
  // "tiêm chung" (together) is not "tiêm chủng" (vaccination): only marks tell them apart
  'tiêm chung': 'tiem cung', 'chích chung': 'tiem cung',
  // dishes named after beef are food, not cattle ("quán bún bò của tui")
  'bún bò': 'mon an', 'phở bò': 'mon an', 'thịt bò': 'mon an', 'bò kho': 'mon an', 'bò né': 'mon an',
  // cities whose folded names read as other words ("da nang" = "đã nặng", "ha noi" = "hạ nơi")
  'đà nẵng': 'tinh khac', 'hà nội': 'tinh khac', 'cần thơ': 'tinh khac', 'gia lai': 'tinh khac', 'huế': 'tinh khac',
  // "nhậu" (drinking with friends) is drinking alcohol; folded "nhau" is "each other" ("cách nhau")
  'nhậu': 'uong ruou',
  'chó': 'vat nuoi', 'mèo': 'vat nuoi', 'gà': 'gia cam', 'vịt': 'gia cam', 'ngỗng': 'gia cam',
  'bò': 'gia suc', 'trâu': 'gia suc', 'lợn': 'gia suc', 'heo': 'gia suc', 'dê': 'gia suc', 'cừu': 'gia suc',
};
