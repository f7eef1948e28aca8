import Holidays from 'date-holidays';
import type { Schedule } from '../catalog/types.ts';

/**
 * Opening hours in Finnish time. A week is cut into 15-minute slots (Monday 00:00 is
 * slot 0); a service's weekly schedules become the set of slots it is open, stored in
 * the index so that "open now" is a plain filter. On public holidays (and Midsummer and
 * Christmas Eve) only services open around the clock count as open.
 */

export const TIME_ZONE = 'Europe/Helsinki';
const SLOT_MINUTES = 15;
const SLOTS_PER_DAY = (24 * 60) / SLOT_MINUTES;
const DAYS = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'] as const;

const minutes = (hhmm: string) => {
  const [h = 0, m = 0] = hhmm.split(':').map(Number);
  return h * 60 + m;
};

/** `closes_at` 23:59 means "until midnight". */
const closingMinutes = (hhmm: string) => (hhmm.startsWith('23:59') ? 24 * 60 : minutes(hhmm));

function appliesOn(s: Schedule, isoDate: string | undefined): boolean {
  if (!isoDate) return true;
  return (!s.valid_from || s.valid_from <= isoDate) && (!s.valid_to || s.valid_to >= isoDate);
}

/** The week slots in which a service is open, from its weekly schedules. */
export function openSlots(schedules: Schedule[], onDate?: string): number[] {
  const slots = new Set<number>();
  for (const s of schedules) {
    if ((s.freq ?? 'WEEKLY') !== 'WEEKLY' || !s.byday || !s.opens_at || !s.closes_at) continue;
    if (!appliesOn(s, onDate)) continue;
    const from = Math.floor(minutes(s.opens_at) / SLOT_MINUTES);
    const to = Math.ceil(closingMinutes(s.closes_at) / SLOT_MINUTES);
    for (const day of s.byday.split(',')) {
      const d = DAYS.indexOf(day as (typeof DAYS)[number]);
      if (d < 0) continue;
      for (let slot = from; slot < to; slot++) slots.add(d * SLOTS_PER_DAY + slot);
    }
  }
  return [...slots].sort((a, b) => a - b);
}

/** Sorted slots as half-open ranges: [36, 37, 38] → [[36, 39]]. */
export function slotRanges(slots: number[]): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  for (const s of slots) {
    const last = out[out.length - 1];
    if (last && last[1] === s) last[1] = s + 1;
    else out.push([s, s + 1]);
  }
  return out;
}

export function inRanges(ranges: Array<[number, number]>, slot: number): boolean {
  return ranges.some(([from, to]) => slot >= from && slot < to);
}

export function isAlwaysOpen(schedules: Schedule[]): boolean {
  return openSlots(schedules).length === SLOTS_PER_DAY * DAYS.length;
}

const partsFormatter = new Intl.DateTimeFormat('en-GB', {
  timeZone: TIME_ZONE,
  weekday: 'short',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});
const WEEKDAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];

export interface LocalTime {
  /** `2026-11-23` in Finland */
  date: string;
  /** The week slot of this moment. */
  slot: number;
  holiday: boolean;
}

const holidays = new Holidays('FI');
const holidayCache = new Map<string, boolean>();

/** Days on which ordinary opening hours do not apply. */
export function isHoliday(isoDate: string): boolean {
  let result = holidayCache.get(isoDate);
  if (result === undefined) {
    const found = holidays.isHoliday(new Date(`${isoDate}T12:00:00Z`)) || [];
    result = found.some((h) => h.type === 'public' || (h.type === 'bank' && !isoDate.endsWith('-12-31')));
    holidayCache.set(isoDate, result);
  }
  return result;
}

export function localTime(at: Date = new Date()): LocalTime {
  const p = Object.fromEntries(partsFormatter.formatToParts(at).map((x) => [x.type, x.value]));
  const date = `${p.year}-${p.month}-${p.day}`;
  const day = WEEKDAYS.indexOf(p.weekday ?? 'Mon');
  const slot = day * SLOTS_PER_DAY + Math.floor((Number(p.hour) * 60 + Number(p.minute)) / SLOT_MINUTES);
  return { date, slot, holiday: isHoliday(date) };
}

/** Whether a service with these schedules is open at a given moment. */
export function isOpenAt(schedules: Schedule[], at: Date = new Date()): boolean {
  const t = localTime(at);
  if (t.holiday) return isAlwaysOpen(schedules);
  return openSlots(schedules, t.date).includes(t.slot);
}
