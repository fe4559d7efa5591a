/**
 * Strings of the styled components. They all live in the core UI strings (`defaultUiStrings`), so a
 * provider's `strings` override any of them; these names remain for hosts that imported them.
 */
import { defaultUiStrings, type UiStrings } from '../../core/uiStrings';

/** @deprecated Every string is in `UiStrings`; use that type. */
export type UiText = UiStrings;
/** @deprecated Every string is in `UiStrings`; use that type. */
export type ComponentText = UiStrings;
/** @deprecated The English defaults of every string; use `defaultUiStrings`. */
export const COMPONENT_TEXT: UiStrings = defaultUiStrings;
