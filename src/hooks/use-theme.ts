import { createContext, useContext } from 'react';
import { COLOUR_THEME, type Theme } from '../view/theme.js';

/** The colour theme; the app provides MONO_THEME when NO_COLOR is set. */
export const ThemeContext = createContext<Theme>(COLOUR_THEME);

export function useTheme(): Theme {
  return useContext(ThemeContext);
}
