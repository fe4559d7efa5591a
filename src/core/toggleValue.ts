/** `list` with `value` added, or removed when it was there: a toggle of a multi-choice filter (statuses, severities). */
export function toggleValue<T extends string>(list: readonly T[] | undefined, value: T): T[] {
  const current = list ?? [];
  return current.includes(value) ? current.filter((item) => item !== value) : [...current, value];
}
