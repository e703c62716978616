// Tallinn's calendar as the shop's rules use it, computed here independently of the server:
// Estonian public holidays (Easter by the Gregorian computus), the time in Tallinn, the cold
// courier's next day, and the hours customer support answers chat and phone.

export const DAY = 86_400_000;
const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/** Easter Sunday (Gregorian computus), as a UTC midnight. */
export function easter(y: number): number {
  const a = y % 19, b = Math.floor(y / 100), c = y % 100, d = Math.floor(b / 4), e = b % 4;
  const f = Math.floor((b + 8) / 25), g = Math.floor((b - f + 1) / 3), h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4), k = c % 4, l = (32 + 2 * e + 2 * i - h - k) % 7, m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31), day = ((h + l - 7 * m + 114) % 31) + 1;
  return Date.UTC(y, month - 1, day);
}

/** Estonian public holidays (the spec's list). */
export function holiday(day: number): boolean {
  const d = new Date(day);
  const md = `${d.getUTCMonth() + 1}-${d.getUTCDate()}`;
  if (["1-1", "2-24", "5-1", "6-23", "6-24", "8-20", "12-24", "12-25", "12-26"].includes(md)) return true;
  const e = easter(d.getUTCFullYear());
  return [e - 2 * DAY, e, e + 49 * DAY].includes(day);
}

/** Now in Tallinn: the date (as a UTC midnight) and the seconds since midnight. */
export function tallinnNow(): { date: number; seconds: number } {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat("en-GB", {
      timeZone: "Europe/Tallinn", year: "numeric", month: "2-digit", day: "2-digit",
      hour: "2-digit", minute: "2-digit", second: "2-digit", hourCycle: "h23",
    }).formatToParts(new Date()).map((p) => [p.type, p.value]),
  );
  return {
    date: Date.UTC(Number(parts.year), Number(parts.month) - 1, Number(parts.day)),
    seconds: Number(parts.hour) * 3600 + Number(parts.minute) * 60 + Number(parts.second),
  };
}

/** The cold courier's next day for an order placed now: Tuesdays and Fridays, picked the day
 *  before by 07:00, never when the day or the day before is a holiday. */
export function nextColdCourierDay(): number {
  const now = tallinnNow();
  const firstPick = now.seconds <= 7 * 3600 ? now.date : now.date + DAY;
  let day = firstPick + DAY;
  while (!([2, 5].includes(new Date(day).getUTCDay()) && !holiday(day) && !holiday(day - DAY))) day += DAY;
  return day;
}

export const iso = (day: number) => new Date(day).toISOString().slice(0, 10);
export const english = (day: number) => {
  const d = new Date(day);
  return `${d.getUTCDate()} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()}`;
};

/** Whether chat and phone are open now: working days 8:00–20:00 Tallinn time, not holidays. */
export function supportStaffed(): boolean {
  const now = tallinnNow();
  const weekday = ![0, 6].includes(new Date(now.date).getUTCDay());
  return weekday && !holiday(now.date) && now.seconds >= 8 * 3600 && now.seconds < 20 * 3600;
}
