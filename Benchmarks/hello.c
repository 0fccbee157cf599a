/* The ceiling: a bare libmicrohttpd server answering "hello" with the same
 * threading flags as Samenspel. Prints its port, runs until stdin closes. */
#include <microhttpd.h>
#include <stdio.h>
#include <string.h>
#include <stdlib.h>
#include <unistd.h>

static enum MHD_Result answer(void *cls, struct MHD_Connection *connection, const char *url, const char *method,
                              const char *version, const char *upload, size_t *upload_size, void **state) {
  static int marker;
  (void) cls; (void) url; (void) method; (void) version; (void) upload;
  if (*state == NULL) { *state = &marker; return MHD_YES; }  /* answer on the second call: keep-alive */
  if (*upload_size > 0) { *upload_size = 0; return MHD_YES; }
  static const char body[] = "{\"ok\":true}";
  struct MHD_Response *response = MHD_create_response_from_buffer(strlen(body), (void *) body, MHD_RESPMEM_PERSISTENT);
  MHD_add_response_header(response, "Content-Type", "application/json");
  enum MHD_Result result = MHD_queue_response(connection, 200, response);
  MHD_destroy_response(response);
  return result;
}

int main(int argc, char **argv) {
  int threads = argc > 1 ? atoi(argv[1]) : 4;
  struct MHD_Daemon *daemon = MHD_start_daemon(
      MHD_USE_INTERNAL_POLLING_THREAD | MHD_USE_EPOLL | MHD_ALLOW_SUSPEND_RESUME, 0, NULL, NULL, &answer, NULL,
      MHD_OPTION_THREAD_POOL_SIZE, (unsigned int) threads, MHD_OPTION_CONNECTION_LIMIT, 8000U, MHD_OPTION_END);
  if (daemon == NULL) { perror("MHD_start_daemon"); return 1; }
  const union MHD_DaemonInfo *info = MHD_get_daemon_info(daemon, MHD_DAEMON_INFO_BIND_PORT);
  printf("%u\n", (unsigned) info->port);
  fflush(stdout);
  char buffer[64];
  while (read(0, buffer, sizeof buffer) > 0) {}
  MHD_stop_daemon(daemon);
  return 0;
}
