/* Fan-out benchmark: opens N Server-Sent Events clients on /api/events, posts one
 * note every INTERVAL ms, and measures for each note the time until the LAST client
 * has its event. With EVENTS=0 it only holds the clients open for INTERVAL seconds
 * (the idle test). Loopback only.
 *   fanout PORT TOKEN CLIENTS EVENTS INTERVAL_MS   */
#define _GNU_SOURCE
#include <arpa/inet.h>
#include <errno.h>
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/epoll.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

enum { CARRY = 64 };
static int port, clients, events, interval_ms;
static const char *token;
static int64_t *sent_ns, *last_ns;
static int *received;
static volatile int posted;

static int64_t now_ns(void) {
  struct timespec t;
  clock_gettime(CLOCK_MONOTONIC, &t);
  return (int64_t) t.tv_sec * 1000000000 + t.tv_nsec;
}

static int connect_loopback(void) {
  int fd = socket(AF_INET, SOCK_STREAM, 0);
  struct sockaddr_in a = {.sin_family = AF_INET, .sin_port = htons(port)};
  a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  if (fd < 0 || connect(fd, (struct sockaddr *) &a, sizeof a) != 0) { perror("connect"); exit(1); }
  return fd;
}

static void *poster(void *unused) {
  (void) unused;
  int fd = connect_loopback();
  char request[1024], reply[4096];
  for (int i = 0; i < events; i++) {
    int64_t due = now_ns() + (int64_t) interval_ms * 1000000;
    char body[128];
    int n = snprintf(body, sizeof body, "{\"id\":\"f-%d\",\"text\":\"Samen spelen %d\"}", i, i);
    int m = snprintf(request, sizeof request,
                     "POST /api/notes HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer %s\r\nContent-Type: application/json\r\n"
                     "Content-Length: %d\r\n\r\n%s", token, n, body);
    sent_ns[i] = now_ns();
    if (write(fd, request, m) != m) { perror("post"); exit(1); }
    ssize_t got = read(fd, reply, sizeof reply - 1);  /* the small JSON answer fits one read */
    if (got <= 0 || strncmp(reply, "HTTP/1.1 20", 11) != 0) { fprintf(stderr, "post failed\n"); exit(1); }
    posted = i + 1;
    while (now_ns() < due) {
      struct timespec pause = {0, 200000};
      nanosleep(&pause, NULL);
    }
  }
  close(fd);
  return NULL;
}

/* Counts every `"id":"f-N"` in the stream; `carry` keeps a marker split across reads. */
static void scan(char *carry, const char *data, size_t length) {
  static char buffer[65536 + CARRY];
  size_t keep = strnlen(carry, CARRY);
  memcpy(buffer, carry, keep);
  memcpy(buffer + keep, data, length);
  size_t total = keep + length;
  buffer[total] = 0;
  const char *p = buffer;
  while ((p = memmem(p, total - (p - buffer), "\"id\":\"f-", 8)) != NULL) {
    const char *digits = p + 8;
    const char *end = memchr(digits, '"', total - (digits - buffer));
    if (end == NULL) break;
    int seq = atoi(digits);
    if (seq >= 0 && seq < events) {
      received[seq]++;
      last_ns[seq] = now_ns();
    }
    p = end;
  }
  size_t tail = total < CARRY - 1 ? total : CARRY - 1;
  memcpy(carry, buffer + total - tail, tail);
  carry[tail] = 0;
}

static int compare(const void *a, const void *b) {
  int64_t x = *(const int64_t *) a, y = *(const int64_t *) b;
  return (x > y) - (x < y);
}

int main(int argc, char **argv) {
  if (argc != 6) { fprintf(stderr, "usage: fanout PORT TOKEN CLIENTS EVENTS INTERVAL_MS\n"); return 2; }
  port = atoi(argv[1]); token = argv[2]; clients = atoi(argv[3]); events = atoi(argv[4]); interval_ms = atoi(argv[5]);
  sent_ns = calloc(events + 1, sizeof *sent_ns); last_ns = calloc(events + 1, sizeof *last_ns);
  received = calloc(events + 1, sizeof *received);
  char (*carry)[CARRY] = calloc(clients, CARRY);
  int *connected = calloc(clients, sizeof *connected);
  int ep = epoll_create1(0);
  for (int i = 0; i < clients; i++) {
    int fd = connect_loopback();
    /* Phones ask for notes and session events; every 100th client is a board that takes all. */
    const char *get = i % 100 == 0 ? "GET /api/events HTTP/1.1\r\nHost: x\r\n\r\n"
                                   : "GET /api/events?topics=note,session HTTP/1.1\r\nHost: x\r\n\r\n";
    if (write(fd, get, strlen(get)) < 0) { perror("write"); return 1; }
    struct epoll_event e = {.events = EPOLLIN, .data.u64 = ((uint64_t) i << 32) | (uint32_t) fd};
    epoll_ctl(ep, EPOLL_CTL_ADD, fd, &e);
  }
  static char chunk[65536];
  struct epoll_event ready[256];
  int open = 0;
  int64_t deadline = now_ns() + 30LL * 1000000000;
  while (open < clients && now_ns() < deadline) {  /* wait until every client is subscribed */
    int n = epoll_wait(ep, ready, 256, 1000);
    for (int k = 0; k < n; k++) {
      int i = ready[k].data.u64 >> 32, fd = (int) (uint32_t) ready[k].data.u64;
      ssize_t got = read(fd, chunk, sizeof chunk);
      if (got > 0 && !connected[i] && memmem(chunk, got, ": connected", 11)) { connected[i] = 1; open++; }
    }
  }
  fprintf(stderr, "%d of %d clients subscribed\n", open, clients);
  fflush(stderr);
  int64_t idle_start = now_ns();
  pthread_t thread;
  if (events > 0) pthread_create(&thread, NULL, poster, NULL);
  int64_t stop_at = events > 0 ? 0 : idle_start + (int64_t) interval_ms * 1000000000LL;
  for (;;) {
    int n = epoll_wait(ep, ready, 256, 100);
    for (int k = 0; k < n; k++) {
      int i = ready[k].data.u64 >> 32, fd = (int) (uint32_t) ready[k].data.u64;
      ssize_t got = read(fd, chunk, sizeof chunk);
      if (got > 0) scan(carry[i], chunk, got);
    }
    if (events == 0) { if (now_ns() >= stop_at) break; continue; }
    int done = posted == events;
    for (int s = 0; done && s < events; s++) done = received[s] >= open;
    if (done || (posted == events && now_ns() > sent_ns[events - 1] + 10LL * 1000000000)) break;
  }
  if (events > 0) pthread_join(thread, NULL);
  int complete = 0;
  int64_t *latency = calloc(events + 1, sizeof *latency);
  for (int s = 0; s < events; s++) if (received[s] >= open) latency[complete++] = last_ns[s] - sent_ns[s];
  qsort(latency, complete, sizeof *latency, compare);
  double p50 = complete ? latency[complete / 2] / 1e6 : -1, p99 = complete ? latency[(complete * 99) / 100] / 1e6 : -1;
  printf("{\"clients\":%d,\"events\":%d,\"complete\":%d,\"p50_ms\":%.2f,\"p99_ms\":%.2f,\"max_ms\":%.2f}\n",
         open, events, complete, p50, p99, complete ? latency[complete - 1] / 1e6 : -1);
  return 0;
}
