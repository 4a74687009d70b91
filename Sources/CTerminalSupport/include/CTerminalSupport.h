// Process-wide terminal state that must exist exactly once: the signal
// that arrived and the terminal modes saved before curses started.
#ifndef CHRONICLE_TERMINAL_SUPPORT_H
#define CHRONICLE_TERMINAL_SUPPORT_H

/// Records SIGINT, SIGTERM, SIGHUP and SIGQUIT instead of dying with the
/// terminal in raw mode; the main loop polls and restores before exiting.
void chronicle_install_signal_handlers(void);
/// The signal that arrived since the last call, or 0.
int chronicle_take_signal(void);
/// Puts a signal back to its default action (to re-raise it after restoring).
void chronicle_default_signal(int signo);

/// Saves the terminal modes of standard input; restores them.
void chronicle_save_termios(void);
void chronicle_restore_termios(void);

#endif
