#ifndef CSYSTEM_H
#define CSYSTEM_H
/*
 * What Glibc does not export to Swift. `struct epoll_event` is packed on x86_64, which Swift does
 * not import faithfully, so events travel through the plain `csystem_event` struct below.
 */
#include <stdint.h>
#include <sys/types.h>

typedef struct {
    uint32_t events;
    uint64_t data;
} csystem_event;

extern const uint32_t CSYSTEM_EPOLLIN;
extern const uint32_t CSYSTEM_EPOLLOUT;
extern const uint32_t CSYSTEM_EPOLLERR;
extern const uint32_t CSYSTEM_EPOLLHUP;
extern const uint32_t CSYSTEM_EPOLLRDHUP;
extern const uint32_t CSYSTEM_EPOLLET;
extern const uint32_t CSYSTEM_EPOLLONESHOT;
extern const int CSYSTEM_EPOLL_CTL_ADD;
extern const int CSYSTEM_EPOLL_CTL_MOD;
extern const int CSYSTEM_EPOLL_CTL_DEL;

/** epoll_create1(EPOLL_CLOEXEC). */
int csystem_epoll_create(void);
/** epoll_ctl with the event mask and 64-bit user data. */
int csystem_epoll_ctl(int epfd, int op, int fd, uint32_t events, uint64_t data);
/** epoll_wait into `out` (at most `max` events, at most 1024); returns the count or -1 with errno. */
int csystem_epoll_wait(int epfd, csystem_event *out, int max, int timeout_ms);

/** eventfd(initval, EFD_CLOEXEC | EFD_NONBLOCK). */
int csystem_eventfd(unsigned int initval);
/** Adds 1 to an eventfd; never blocks. */
int csystem_eventfd_signal(int fd);
/** Reads and resets an eventfd counter; returns 0 when it was already zero. */
int csystem_eventfd_drain(int fd);

/** accept4 with SOCK_NONBLOCK | SOCK_CLOEXEC, discarding the peer address. */
int csystem_accept(int fd);
/** Sets O_NONBLOCK on a descriptor. */
int csystem_set_nonblocking(int fd);
/** Sets an integer socket option (SOL_SOCKET, SO_REUSEADDR…); see the constants below. */
int csystem_setsockopt_int(int fd, int level, int name, int value);
extern const int CSYSTEM_SOL_SOCKET;
extern const int CSYSTEM_SO_REUSEADDR;
extern const int CSYSTEM_SO_REUSEPORT;
extern const int CSYSTEM_SO_KEEPALIVE;
extern const int CSYSTEM_IPPROTO_TCP;
extern const int CSYSTEM_TCP_NODELAY;
extern const int CSYSTEM_MSG_NOSIGNAL;

/** Blocks SIGPIPE for the process so a closed peer gives EPIPE instead of killing us. */
void csystem_ignore_sigpipe(void);
/**
 * Blocks the given signals in the calling thread (call before spawning threads so they inherit the
 * mask) and returns a non-blocking signalfd that reports them, or -1 with errno.
 */
int csystem_signalfd(const int *signals, int count);
/** Reads one signal number from a signalfd; 0 when none is pending. */
int csystem_signalfd_read(int fd);

#endif
