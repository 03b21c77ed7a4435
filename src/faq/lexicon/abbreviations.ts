/**
 * Whole-token abbreviations residents type in FAQ questions: health-system acronyms, vaccine brand
 * spellings, phone/app words and counting words, each expanded to the folded words the topics use
 * (no diacritics, đ->d, lower case, because they are applied after folding). Chat teencode and
 * dialect words live in src/language; these are the FAQ's own vocabulary.
 */

/** Whole-token replacements. An empty string drops the token (greetings aimed at the bot). */
export const ABBREVIATIONS: Readonly<Record<string, string>> = {
  // đăng ký / được / không
  // (chat teencode and dialect words -- ko, dc, dk, j, z, mô, răng... -- live in src/language)
  dduoc: 'duoc', koo: 'khong', ch: 'chua',
  // health-system words
  tc: 'tiem chung', tchung: 'tiem chung', tiemchung: 'tiem chung',
  sskdt: 'sskdt', ssk: 'sskdt', sodientu: 'sskdt', sksdt: 'sskdt',
  cccd: 'cccd', cc: 'cccd', cmnd: 'cmnd', cmt: 'cmnd', cmtnd: 'cmnd', mddcn: 'ma dinh danh',
  ddcn: 'dinh danh',
  bhyt: 'bhyt',
  tyt: 'tram y te', yt: 'y te', yte: 'y te', byt: 'bo y te', kbyt: 'khai bao y te', bs: 'bac si', bv: 'benh vien',
  gcn: 'giay chung nhan', cnhan: 'chung nhan', hcvx: 'ho chieu vacxin',
  // vaccines
  vx: 'vacxin', vacxin: 'vacxin', vaccine: 'vacxin', vaccines: 'vacxin', vaccin: 'vacxin',
  vacin: 'vacxin', vacine: 'vacxin', vacxine: 'vacxin', vaxin: 'vacxin', vacsin: 'vacxin',
  vacxinh: 'vacxin', vaxcin: 'vacxin', vacxim: 'vacxin',
  m1: 'mui 1', m2: 'mui 2', m3: 'mui 3', m4: 'mui 4', m5: 'mui 5',
  pfizer: 'pfizer', fizer: 'pfizer', phizer: 'pfizer', pfize: 'pfizer', pfz: 'pfizer', pf: 'pfizer',
  phizơ: 'pfizer', phaizer: 'pfizer', faizer: 'pfizer', biontech: 'pfizer', comirnaty: 'pfizer',
  az: 'astrazeneca', astra: 'astrazeneca', astrazeneca: 'astrazeneca', astrazenca: 'astrazeneca',
  astrazenica: 'astrazeneca', astrazeneka: 'astrazeneca', atra: 'astrazeneca', asta: 'astrazeneca',
  astrazenaca: 'astrazeneca', zeneca: '', vaxzevria: 'astrazeneca',
  moderna: 'moderna', mordena: 'moderna', modena: 'moderna', moderma: 'moderna', spikevax: 'moderna',
  mdn: 'moderna', modecna: 'moderna',
  vero: 'verocell', verocell: 'verocell', cell: '', sinopharm: 'verocell', sinofam: 'verocell',
  sinopham: 'verocell', sino: 'verocell', sinopharma: 'verocell',
  sputnik: 'sputnik', spunik: 'sputnik', sputnick: 'sputnik', sputnikv: 'sputnik',
  janssen: 'janssen', jansen: 'janssen', johnson: 'janssen',
  hayatvax: 'hayat', mrna: 'mrna',
  // phones, codes, apps
  sdt: 'so dien thoai', dthoai: 'dien thoai', dt: 'dien thoai', dtdd: 'dien thoai',
  sms: 'tin nhan', tn: 'tin nhan', nt: 'nhan tin',
  qrcode: 'qr', kr: 'qr', qrcde: 'qr',
  pccovid: 'pccovid', pcc: 'pccovid', pcovid: 'pccovid',
  covit: 'covid', covy: 'covid', corona: 'covid', cov: 'covid', covi: 'covid',
  ip: 'iphone', ipad: 'iphone', app: 'ung dung', apps: 'ung dung', ap: 'ung dung', ud: 'ung dung',
  onl: 'truc tuyen', online: 'truc tuyen', web: 'trang web', website: 'trang web', wed: 'trang web',
  pass: 'mat khau', password: 'mat khau', free: 'mien phi', fre: 'mien phi',
  dl: 'dulieu', dlieu: 'dulieu', ls: 'lich su', lsu: 'lich su', ttin: 'thong tin', tt: 'thong tin',
  hotline: 'hotline', link: 'trang web', lik: 'trang web',
  // counting words
  bn: 'bao nhieu', bnh: 'bao nhieu', bnhieu: 'bao nhieu', baonhieu: 'bao nhieu', bnhiu: 'bao nhieu',
  cty: 'cong ty', hs: 'hoc sinh', ad: '', admin: '',
  tk: 'tai khoan', dv: 'dich vu', xn: 'xet nghiem', cb: 'can bo', nv: 'nhan vien',
};
