/** Joins class names, skipping empty ones: `cx('rv-step', selected && 'is-selected', className)`. */
export function cx(...names: Array<string | false | null | undefined>): string {
  let out = '';
  for (const name of names) if (name) out = out ? `${out} ${name}` : name;
  return out;
}
