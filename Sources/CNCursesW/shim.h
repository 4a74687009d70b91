// The only door to ncurses. SwiftPM drops pkg-config's -D_XOPEN_SOURCE=600,
// so the wide-character API is switched on here, before the include.
#ifndef CHRONICLE_CNCURSESW_SHIM_H
#define CHRONICLE_CNCURSESW_SHIM_H

#define _XOPEN_SOURCE_EXTENDED 1
#define NCURSES_WIDECHAR 1
#include <locale.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <termios.h>
#include <wchar.h>
#include <ncursesw/curses.h>
#include <ncursesw/term.h>

// Swift 6 rejects ncurses' mutable globals; read them through functions.
static inline WINDOW *chronicle_stdscr(void) { return stdscr; }
static inline int chronicle_cols(void) { return COLS; }
static inline int chronicle_lines(void) { return LINES; }
static inline int chronicle_colors(void) { return COLORS; }
static inline SCREEN *chronicle_newterm(void) { return newterm(NULL, stdout, stdin); }

// Function-like macros do not reach Swift.
static inline attr_t chronicle_a_normal(void) { return A_NORMAL; }
static inline attr_t chronicle_a_bold(void) { return A_BOLD; }
static inline attr_t chronicle_a_dim(void) { return A_DIM; }
static inline attr_t chronicle_a_reverse(void) { return A_REVERSE; }
static inline attr_t chronicle_a_underline(void) { return A_UNDERLINE; }
static inline attr_t chronicle_a_italic(void) { return A_ITALIC; }
static inline attr_t chronicle_color_pair(int n) { return COLOR_PAIR(n); }
static inline mmask_t chronicle_button1_pressed(void) { return BUTTON1_PRESSED; }
static inline mmask_t chronicle_button1_clicked(void) { return BUTTON1_CLICKED; }
static inline mmask_t chronicle_button1_released(void) { return BUTTON1_RELEASED; }
static inline mmask_t chronicle_button4_pressed(void) { return BUTTON4_PRESSED; }
static inline mmask_t chronicle_button5_pressed(void) { return BUTTON5_PRESSED; }
static inline mmask_t chronicle_all_mouse_events(void) { return ALL_MOUSE_EVENTS; }
// wcwidth is declared only under _XOPEN_SOURCE, which SwiftPM drops.
int wcwidth(wchar_t c);
static inline int chronicle_wcwidth(unsigned int scalar) { return wcwidth((wchar_t)scalar); }
static inline int chronicle_getcurx(WINDOW *window) { return getcurx(window); }
static inline int chronicle_getcury(WINDOW *window) { return getcury(window); }

// Whether terminfo knows the terminal, without ncurses' exit-on-failure.
static inline int chronicle_terminal_known(const char *term) {
    int status = 0;
    if (setupterm((char *)term, STDOUT_FILENO, &status) != OK) return 0;
    del_curterm(cur_term);
    return status == 1;
}

#endif
