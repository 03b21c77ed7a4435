import { fold } from '../domain/fold.js';
import type { WindowInput } from './open-place-event.js';

/** A venue as the official typed it, with its windows. */
export interface PlaceArgs {
  readonly venue: string;
  readonly windows: readonly WindowInput[];
}

const VN = 7 * 3600_000;
const DATE = /(\d{1,2})\/(\d{1,2})(?:\/(\d{4}))?/g;
// "7:00-10:00", "từ 7h đến 10h30", "7g-9g", "22:00 - 2:00" (an end before the start runs past midnight).
const RANGE = /(?:(?:từ|tu)\s+)?(\d{1,2})(?:[:hg](\d{2})?)?\s*(?:-|–|đến|den|tới|toi)\s*(\d{1,2})(?:[:hg](\d{2})?)?/gi;
/** Words that may stand between dates and ranges: "ngày 01/12 từ 7:00 đến 10:00 và 14:00-15:00; 02/12 lúc 8h-9h". */
const FILLER = /^(?:[\s,;.:]|va|ngay|luc|khung|gio|tu|sang|chieu|toi|trua|dem)*$/;

/**
 * Parses the place part of `/truyvet`: one venue per line, each with one or more windows as health
 * authorities announce them — "Chợ Phổ Minh, 01/12 từ 7:00 đến 10:00 và 14:00-16:00; 02/12 7h-9h".
 * A range takes the date written before it; times are Vietnam time; a date later than today means
 * last year. Null when a line has no venue, no window, a range before any date, or words we do not
 * understand (the official then gets the usage).
 */
export function parsePlaces(arg: string, now: Date): PlaceArgs[] | null {
  const lines = arg.split(/\n+/).map((l) => l.trim()).filter(Boolean);
  if (lines.length === 0) return null;
  const places: PlaceArgs[] = [];
  for (const line of lines) {
    const place = parseLine(line, now);
    if (!place) return null;
    places.push(place);
  }
  return places;
}

function parseLine(line: string, now: Date): PlaceArgs | null {
  const start = line.search(/\d{1,2}\/\d{1,2}/);
  if (start < 0) return null;
  const venue = line.slice(0, start).replace(/[\s,;:–-]*(?:ngày|ngay)?[\s,;:–-]*$/i, '').trim();
  if (!venue) return null;
  const rest = line.slice(start);
  type Token = { at: number; end: number; date?: RegExpExecArray; range?: RegExpExecArray };
  const tokens: Token[] = [];
  for (const m of rest.matchAll(DATE)) tokens.push({ at: m.index, end: m.index + m[0].length, date: m as RegExpExecArray });
  for (const m of rest.matchAll(RANGE)) {
    if (!tokens.some((t) => m.index < t.end && t.at < m.index + m[0].length)) tokens.push({ at: m.index, end: m.index + m[0].length, range: m as RegExpExecArray });
  }
  tokens.sort((a, b) => a.at - b.at);
  let cursor = 0;
  for (const t of tokens) {
    if (!FILLER.test(fold(rest.slice(cursor, t.at)))) return null;
    cursor = t.end;
  }
  if (!FILLER.test(fold(rest.slice(cursor)))) return null;
  const windows: WindowInput[] = [];
  let date: RegExpExecArray | undefined;
  for (const t of tokens) {
    if (t.date) date = t.date;
    else if (t.range && date) windows.push(toWindow(date, t.range, now));
  }
  return windows.length && windows.length === tokens.filter((t) => t.range).length ? { venue, windows } : null;
}

function toWindow(date: RegExpExecArray, range: RegExpExecArray, now: Date): WindowInput {
  const local = new Date(now.getTime() + VN);
  const at = (y: number, h: string, min: string | undefined) => new Date(Date.UTC(y, Number(date[2]) - 1, Number(date[1]), Number(h), Number(min ?? 0)) - VN);
  let year = date[3] ? Number(date[3]) : local.getUTCFullYear();
  if (!date[3] && at(year, range[1]!, range[2]).getTime() > now.getTime()) year -= 1;
  const from = at(year, range[1]!, range[2]);
  let to = at(year, range[3]!, range[4]);
  if (to.getTime() <= from.getTime()) to = new Date(to.getTime() + 24 * 3600_000);
  return { from, to };
}
