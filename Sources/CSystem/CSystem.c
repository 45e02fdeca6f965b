#define _GNU_SOURCE
#include "CSystem.h"
#include <errno.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <signal.h>
#include <string.h>
#include <sys/epoll.h>
#include <sys/eventfd.h>
#include <sys/signalfd.h>
#include <sys/socket.h>
#include <unistd.h>

const uint32_t CSYSTEM_EPOLLIN = EPOLLIN;
const uint32_t CSYSTEM_EPOLLOUT = EPOLLOUT;
const uint32_t CSYSTEM_EPOLLERR = EPOLLERR;
const uint32_t CSYSTEM_EPOLLHUP = EPOLLHUP;
const uint32_t CSYSTEM_EPOLLRDHUP = EPOLLRDHUP;
const uint32_t CSYSTEM_EPOLLET = EPOLLET;
const uint32_t CSYSTEM_EPOLLONESHOT = EPOLLONESHOT;
const int CSYSTEM_EPOLL_CTL_ADD = EPOLL_CTL_ADD;
const int CSYSTEM_EPOLL_CTL_MOD = EPOLL_CTL_MOD;
const int CSYSTEM_EPOLL_CTL_DEL = EPOLL_CTL_DEL;
const int CSYSTEM_SOL_SOCKET = SOL_SOCKET;
const int CSYSTEM_SO_REUSEADDR = SO_REUSEADDR;
const int CSYSTEM_SO_REUSEPORT = SO_REUSEPORT;
const int CSYSTEM_SO_KEEPALIVE = SO_KEEPALIVE;
const int CSYSTEM_IPPROTO_TCP = IPPROTO_TCP;
const int CSYSTEM_TCP_NODELAY = TCP_NODELAY;
const int CSYSTEM_MSG_NOSIGNAL = MSG_NOSIGNAL;

int csystem_epoll_create(void) { return epoll_create1(EPOLL_CLOEXEC); }

int csystem_epoll_ctl(int epfd, int op, int fd, uint32_t events, uint64_t data) {
    struct epoll_event ev;
    memset(&ev, 0, sizeof ev);
    ev.events = events;
    ev.data.u64 = data;
    return epoll_ctl(epfd, op, fd, &ev);
}

int csystem_epoll_wait(int epfd, csystem_event *out, int max, int timeout_ms) {
    struct epoll_event evs[1024];
    if (max > 1024) max = 1024;
    if (max < 1) max = 1;
    int n = epoll_wait(epfd, evs, max, timeout_ms);
    for (int i = 0; i < n; i++) {
        out[i].events = evs[i].events;
        out[i].data = evs[i].data.u64;
    }
    return n;
}

int csystem_eventfd(unsigned int initval) { return eventfd(initval, EFD_CLOEXEC | EFD_NONBLOCK); }

int csystem_eventfd_signal(int fd) {
    uint64_t one = 1;
    ssize_t n = write(fd, &one, sizeof one);
    return n == (ssize_t)sizeof one || errno == EAGAIN ? 0 : -1;
}

int csystem_eventfd_drain(int fd) {
    uint64_t value = 0;
    ssize_t n = read(fd, &value, sizeof value);
    return n == (ssize_t)sizeof value ? 1 : 0;
}

int csystem_accept(int fd) { return accept4(fd, NULL, NULL, SOCK_NONBLOCK | SOCK_CLOEXEC); }

int csystem_set_nonblocking(int fd) {
    int flags = fcntl(fd, F_GETFL, 0);
    if (flags < 0) return -1;
    return fcntl(fd, F_SETFL, flags | O_NONBLOCK);
}

int csystem_setsockopt_int(int fd, int level, int name, int value) {
    return setsockopt(fd, level, name, &value, sizeof value);
}

void csystem_ignore_sigpipe(void) { signal(SIGPIPE, SIG_IGN); }

int csystem_signalfd(const int *signals, int count) {
    sigset_t mask;
    sigemptyset(&mask);
    for (int i = 0; i < count; i++) sigaddset(&mask, signals[i]);
    if (pthread_sigmask(SIG_BLOCK, &mask, NULL) != 0) return -1;
    return signalfd(-1, &mask, SFD_NONBLOCK | SFD_CLOEXEC);
}

int csystem_signalfd_read(int fd) {
    struct signalfd_siginfo info;
    ssize_t n = read(fd, &info, sizeof info);
    return n == (ssize_t)sizeof info ? (int)info.ssi_signo : 0;
}
