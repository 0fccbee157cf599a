/* What the request model alone costs, without parsing or SQLite: a bare libmicrohttpd
 * server that answers like the ceiling (hello.c), but only after a "commit" thread has
 * written and fdatasync'ed a batch of everything that arrived meanwhile.
 *   mode 1: park each request (MHD_suspend_connection) and resume it after the commit,
 *           as Samenspel does;
 *   mode 2: block the request thread until the commit (no suspend), with many threads.
 * Usage (prints its port, runs until stdin closes):
 *   cc -O2 -o .build/bench/request-model Benchmarks/request-model.c -lmicrohttpd -lpthread
 *   .build/bench/request-model MODE THREADS   then wrk -t2 -c50 ... as for the ceiling.
 * The batch file is created in the current folder (a real disk: fdatasync on tmpfs is free). */
#include <fcntl.h>
#include <microhttpd.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

typedef struct item { struct MHD_Connection *connection; struct item *next; } item;
typedef struct { int parked; } request;

static int mode, fd;
static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t arrived = PTHREAD_COND_INITIALIZER, committed = PTHREAD_COND_INITIALIZER;
static item *pending;
static long committed_batch, next_batch = 1;

static void *commit_loop(void *unused) {
  (void) unused;
  static char bytes[4 * 4096];
  memset(bytes, 1, sizeof bytes);
  off_t offset = 0;
  for (;;) {
    pthread_mutex_lock(&lock);
    while (pending == NULL) pthread_cond_wait(&arrived, &lock);
    item *batch = pending;
    pending = NULL;
    long number = next_batch++;
    pthread_mutex_unlock(&lock);
    if (pwrite(fd, bytes, sizeof bytes, offset) < 0 || fdatasync(fd) != 0) { perror("commit"); exit(1); }
    offset = (offset + (off_t) sizeof bytes) % 4000000;
    pthread_mutex_lock(&lock);
    committed_batch = number;
    pthread_cond_broadcast(&committed);
    pthread_mutex_unlock(&lock);
    while (batch != NULL) {
      item *next = batch->next;
      if (mode == 1) MHD_resume_connection(batch->connection);
      free(batch);
      batch = next;
    }
  }
  return NULL;
}

static void enqueue(struct MHD_Connection *connection) {
  item *entry = malloc(sizeof *entry);
  entry->connection = connection;
  entry->next = pending;
  pending = entry;
  pthread_cond_signal(&arrived);
}

static enum MHD_Result answer(void *cls, struct MHD_Connection *connection, const char *url, const char *method,
                              const char *version, const char *upload, size_t *upload_size, void **state) {
  (void) cls; (void) url; (void) method; (void) version; (void) upload;
  request *current = *state;
  if (current == NULL) { *state = calloc(1, sizeof *current); return MHD_YES; }
  if (*upload_size > 0) { *upload_size = 0; return MHD_YES; }
  if (mode == 1 && !current->parked) {
    current->parked = 1;
    pthread_mutex_lock(&lock);
    MHD_suspend_connection(connection);
    enqueue(connection);
    pthread_mutex_unlock(&lock);
    return MHD_YES;  /* called again after the resume */
  }
  if (mode == 2) {
    pthread_mutex_lock(&lock);
    long mine = next_batch;
    enqueue(connection);
    while (committed_batch < mine) pthread_cond_wait(&committed, &lock);
    pthread_mutex_unlock(&lock);
  }
  /* The same answer as hello.c, byte for byte, so only the model differs. */
  static const char body[] = "{\"ok\":true}";
  struct MHD_Response *response = MHD_create_response_from_buffer(strlen(body), (void *) body, MHD_RESPMEM_PERSISTENT);
  MHD_add_response_header(response, "Content-Type", "application/json");
  enum MHD_Result result = MHD_queue_response(connection, 200, response);
  MHD_destroy_response(response);
  return result;
}

static void finished(void *cls, struct MHD_Connection *connection, void **state, enum MHD_RequestTerminationCode code) {
  (void) cls; (void) connection; (void) code;
  free(*state);
  *state = NULL;
}

int main(int argc, char **argv) {
  if (argc < 3) { fprintf(stderr, "usage: %s MODE(1 park, 2 block) THREADS\n", argv[0]); return 2; }
  mode = atoi(argv[1]);
  fd = open("request-model.bin", O_RDWR | O_CREAT | O_TRUNC, 0644);
  if (fd < 0) { perror("request-model.bin"); return 1; }
  unlink("request-model.bin");
  pthread_t committer;
  pthread_create(&committer, NULL, commit_loop, NULL);
  struct MHD_Daemon *daemon = MHD_start_daemon(
      MHD_USE_INTERNAL_POLLING_THREAD | MHD_USE_EPOLL | MHD_ALLOW_SUSPEND_RESUME, 0, NULL, NULL, &answer, NULL,
      MHD_OPTION_THREAD_POOL_SIZE, (unsigned int) atoi(argv[2]), MHD_OPTION_CONNECTION_LIMIT, 8000U,
      MHD_OPTION_NOTIFY_COMPLETED, finished, NULL, MHD_OPTION_END);
  if (daemon == NULL) { perror("MHD_start_daemon"); return 1; }
  printf("%u\n", (unsigned) MHD_get_daemon_info(daemon, MHD_DAEMON_INFO_BIND_PORT)->port);
  fflush(stdout);
  char buffer[64];
  while (read(0, buffer, sizeof buffer) > 0) {}
  return 0;  /* exits without stopping the daemon: parked connections would make MHD_stop_daemon abort */
}
