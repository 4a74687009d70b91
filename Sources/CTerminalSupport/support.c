#include "CTerminalSupport.h"

#include <signal.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>

static volatile sig_atomic_t pending_signal = 0;
static struct termios saved_termios;
static int have_saved_termios = 0;

// Only an async-signal-safe store happens here.
static void record_signal(int signo) { pending_signal = signo; }

void chronicle_install_signal_handlers(void) {
    struct sigaction action;
    memset(&action, 0, sizeof action);
    action.sa_handler = record_signal;
    sigemptyset(&action.sa_mask);
    sigaction(SIGINT, &action, NULL);
    sigaction(SIGTERM, &action, NULL);
    sigaction(SIGHUP, &action, NULL);
    sigaction(SIGQUIT, &action, NULL);
}

int chronicle_take_signal(void) {
    int signo = pending_signal;
    pending_signal = 0;
    return signo;
}

void chronicle_default_signal(int signo) { signal(signo, SIG_DFL); }

void chronicle_save_termios(void) {
    if (tcgetattr(STDIN_FILENO, &saved_termios) == 0) have_saved_termios = 1;
}

void chronicle_restore_termios(void) {
    if (have_saved_termios) tcsetattr(STDIN_FILENO, TCSANOW, &saved_termios);
}
