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

/**
 * accept4 with SOCK_NONBLOCK | SOCK_CLOEXEC; writes the peer's numeric address (IPv4 or IPv6 text,
 * no port) into `address` (at least 46 bytes), or an empty string for other families.
 */
int csystem_accept_peer(int fd, char *address, int address_size);
/**
 * A non-blocking TCP listening socket on a numeric `host` (IPv4 or IPv6 literal) and `port`
 * (0 picks a free port) with SO_REUSEADDR, and SO_REUSEPORT when `reuse_port` is non-zero, so that
 * each event loop can own a socket of its own on the same port. Returns the descriptor or -1 with errno.
 */
int csystem_listen_tcp(const char *host, int port, int reuse_port, int backlog);
/** The local port a socket is bound to, or -1 with errno. */
int csystem_local_port(int fd);
/** A blocking TCP connection to a numeric host and port (for tests and tools); -1 with errno. */
int csystem_connect_tcp(const char *host, int port);
/** Sets SO_RCVTIMEO and SO_SNDTIMEO in milliseconds (for blocking test clients). */
int csystem_set_io_timeout(int fd, int milliseconds);
/** send(2) with MSG_NOSIGNAL, so a closed peer gives EPIPE instead of a signal. */
ssize_t csystem_send(int fd, const void *bytes, size_t count);
/** shutdown(fd, SHUT_WR): sends FIN after what is queued. */
int csystem_shutdown_write(int fd);
/** CLOCK_MONOTONIC in nanoseconds. */
uint64_t csystem_monotonic_ns(void);
/** The current thread's kernel id (gettid), for "am I on this event loop" checks. */
int csystem_thread_id(void);
/**
 * Installs handlers for the given signals that write the signal number (one byte) to a pipe, and
 * returns the pipe's blocking read end (or -1 with errno). Unlike signalfd this does not depend on
 * the signals being blocked in every thread, which Swift's concurrency threads (started before us)
 * do not guarantee; the handler only calls write(2), which is async-signal-safe.
 */
int csystem_signal_pipe(const int *signals, int count);
/** Restores the default disposition of a signal (for tests). */
int csystem_signal_default(int signal_number);
extern const int CSYSTEM_SIGTERM;
extern const int CSYSTEM_SIGINT;

#endif
