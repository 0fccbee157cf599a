#include <stdarg.h>
#include <stdint.h>
#include <sys/types.h>
#include <sys/select.h>
#include <sys/socket.h>
#include <microhttpd.h>

/* Swift cannot call C variadic functions: these pass their fixed arguments. */

/** An HTTP/1.1 response without chunk framing, ended by closing the connection. */
static inline enum MHD_Result shim_response_unframed(struct MHD_Response *response) {
  return MHD_set_response_options(response, MHD_RF_HTTP_VERSION_1_0_ONLY, MHD_RO_END);
}

/** Information about a connection that needs no extra argument. */
static inline const union MHD_ConnectionInfo *shim_connection_info(struct MHD_Connection *connection,
                                                                   enum MHD_ConnectionInfoType kind) {
  return MHD_get_connection_info(connection, kind);
}
