import CMicroHTTPD
import Foundation

// With MHDBridge+Sockets.swift, the one place with C pointers and `Unmanaged`:
// libmicrohttpd's callbacks and turning HTTPResponse into an MHD response.

/// A connection pointer that may cross threads; libmicrohttpd allows resuming from any thread.
private struct ConnectionRef: @unchecked Sendable {
    let pointer: OpaquePointer
}

/// State of one request between the access handler's calls, kept in `con_cls`.
private final class RequestContext {
    var body = Data()
    var tooLarge = false
    var answered = false
    var deferred: DeferredResponse?
}

/// What an event-stream response's reader needs, kept as its `cls`.
private final class StreamContext {
    let stream: EventStream
    let connection: ConnectionRef
    let server: HTTPServer
    /// The connection's socket, written to directly while the connection is parked.
    let socket: Int32?

    init(stream: EventStream, connection: ConnectionRef, server: HTTPServer, socket: Int32?) {
        self.stream = stream
        self.connection = connection
        self.server = server
        self.socket = socket
    }
}

enum MHDBridge {
    static func start(_ server: HTTPServer) throws(ServerError) -> (OpaquePointer, Int) {
        let config = server.configuration
        let (fd, port) = try listen(host: config.host, port: config.port)
        let serverPointer = Unmanaged.passUnretained(server).toOpaque()
        var options: [MHD_OptionItem] = [
            item(.LISTEN_SOCKET, Int(fd)),
            item(.THREAD_POOL_SIZE, max(1, config.threads)),
            item(.CONNECTION_LIMIT, config.connectionLimit),
            item(.PER_IP_CONNECTION_LIMIT, config.perAddressConnectionLimit),
            item(.CONNECTION_TIMEOUT, config.connectionTimeout),
            item(.CONNECTION_MEMORY_LIMIT, config.connectionMemoryLimit),
            MHD_OptionItem(option: .NOTIFY_COMPLETED,
                           value: unsafeBitCast(requestCompleted, to: Int.self), ptr_value: serverPointer),
            MHD_OptionItem(option: .EXTERNAL_LOGGER,
                           value: unsafeBitCast(logMessage, to: Int.self), ptr_value: serverPointer),
            item(.END, 0),
        ]
        let flags = MHD_USE_INTERNAL_POLLING_THREAD.rawValue | MHD_USE_EPOLL.rawValue
            | MHD_ALLOW_SUSPEND_RESUME.rawValue | MHD_USE_ERROR_LOG.rawValue
        let daemon = options.withUnsafeMutableBufferPointer { buffer in
            withVaList([Int32(MHD_OPTION.ARRAY.rawValue), OpaquePointer(buffer.baseAddress!), Int32(MHD_OPTION.END.rawValue)]) {
                MHD_start_daemon_va(flags, 0, acceptPolicy, serverPointer, accessHandler, serverPointer, $0)
            }
        }
        guard let daemon else {
            close(fd)
            throw ServerError.system(operation: "starting libmicrohttpd", code: errno)
        }
        return (daemon, port)
    }

    static func stop(_ daemon: OpaquePointer) {
        MHD_stop_daemon(daemon)
    }

    private static func item(_ option: MHD_OPTION, _ value: Int) -> MHD_OptionItem {
        MHD_OptionItem(option: option, value: value, ptr_value: nil)
    }

    // MARK: - Callbacks

    private static let accessHandler: MHD_AccessHandlerCallback = { cls, connection, url, method, _, upload, uploadSize, conCls in
        guard let cls, let connection, let conCls, let uploadSize else { return .NO }
        let server = Unmanaged<HTTPServer>.fromOpaque(cls).takeUnretainedValue()
        guard let state = conCls.pointee else {
            // First call: headers only. Answering now would force `Connection: close`.
            let context = RequestContext()
            conCls.pointee = Unmanaged.passRetained(context).toOpaque()
            if let length = value(connection, .HEADER_KIND, "Content-Length").flatMap(Int.init),
               length > server.configuration.maxBodyBytes {
                // Refuse before reading the body; MHD closes the connection after it.
                context.answered = true
                return queue(server.bodyTooLarge(), on: connection, server: server)
            }
            return .YES
        }
        let context = Unmanaged<RequestContext>.fromOpaque(state).takeUnretainedValue()
        if let deferred = context.deferred {
            // Called again after the deferred response woke the connection.
            guard let response = deferred.ready else { return .YES }
            server.deferredFinished(deferred)
            return queue(response, on: connection, server: server)
        }
        if context.answered {
            uploadSize.pointee = 0
            return .YES
        }
        if uploadSize.pointee > 0 {
            let count = uploadSize.pointee
            uploadSize.pointee = 0
            if !context.tooLarge, context.body.count + count > server.configuration.maxBodyBytes {
                context.tooLarge = true
            }
            if context.tooLarge {
                context.body = Data()  // read and drop the rest; answer 413 at the end
                return .YES
            }
            if let upload { context.body.append(UnsafeRawPointer(upload).assumingMemoryBound(to: UInt8.self), count: count) }
            return .YES
        }
        context.answered = true
        if context.tooLarge { return queue(server.bodyTooLarge(), on: connection, server: server) }
        let request = HTTPRequest(
            method: method.map { String(cString: $0) } ?? "GET",
            path: url.map { String(cString: $0) } ?? "/",
            query: Dictionary(fields(connection, .GET_ARGUMENT_KIND, lowercased: false).map { ($0.name, $0.value) }) { $1 },
            headers: fields(connection, .HEADER_KIND, lowercased: true),
            body: context.body,
            peerIPv4: clientIPv4(connection))
        let response = server.responder.respond(to: request)
        guard case .deferred(let deferred) = response.body else {
            return queue(response, on: connection, server: server)
        }
        context.deferred = deferred
        server.deferredStarted(deferred)
        let ref = ConnectionRef(pointer: connection)
        if let ready = deferred.responseOrPark(wake: { MHD_resume_connection(ref.pointer) }, park: { MHD_suspend_connection(connection) }) {
            server.deferredFinished(deferred)
            return queue(ready, on: connection, server: server)
        }
        return .YES
    }

    /// New connections are closed at once while the server stops.
    private static let acceptPolicy: MHD_AcceptPolicyCallback = { cls, _, _ in
        guard let cls else { return .NO }
        return Unmanaged<HTTPServer>.fromOpaque(cls).takeUnretainedValue().admits() ? .YES : .NO
    }

    private static let requestCompleted: MHD_RequestCompletedCallback = { cls, _, conCls, _ in
        guard let conCls, let state = conCls.pointee else { return }
        let context = Unmanaged<RequestContext>.fromOpaque(state).takeRetainedValue()
        if let cls, let deferred = context.deferred {
            // The client may have left while its answer was being prepared.
            Unmanaged<HTTPServer>.fromOpaque(cls).takeUnretainedValue().deferredFinished(deferred)
        }
        conCls.pointee = nil
    }

    private static let streamReader: MHD_ContentReaderCallback = { cls, _, buffer, max in
        guard let cls, let buffer else { return -2 }  // MHD_CONTENT_READER_END_WITH_ERROR
        let context = Unmanaged<StreamContext>.fromOpaque(cls).takeUnretainedValue()
        let chunk = context.stream.take(max: max) {
            MHD_suspend_connection(context.connection.pointer)
            if let socket = context.socket { pushEveryWrite(socket) }
        }
        switch chunk {
        case .bytes(let bytes):
            bytes.withUnsafeBytes { UnsafeMutableRawPointer(buffer).copyMemory(from: $0.baseAddress!, byteCount: bytes.count) }
            return bytes.count
        case .wait:
            return 0
        case .end:
            return -1  // MHD_CONTENT_READER_END_OF_STREAM
        }
    }

    private static let streamClosed: MHD_ContentReaderFreeCallback = { cls in
        guard let cls else { return }
        let context = Unmanaged<StreamContext>.fromOpaque(cls).takeRetainedValue()
        context.stream.closed()
        context.server.streamClosed(context.stream)
    }

    private static let logMessage: MHD_LogCallback = { cls, format, arguments in
        guard let cls, let format, let arguments else { return }
        let server = Unmanaged<HTTPServer>.fromOpaque(cls).takeUnretainedValue()
        var text = [CChar](repeating: 0, count: 512)
        _ = vsnprintf(&text, text.count, format, arguments)
        let message = String(decoding: text.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        server.logger.debug("libmicrohttpd: \(message.trimmingCharacters(in: .whitespacesAndNewlines))")
    }

    // MARK: - Responses and request values

    private static func queue(_ response: HTTPResponse, on connection: OpaquePointer, server: HTTPServer) -> MHD_Result {
        let created: OpaquePointer?
        switch response.body {
        case .bytes(let data):
            created = data.withUnsafeBytes {
                MHD_create_response_from_buffer(data.count, UnsafeMutableRawPointer(mutating: $0.baseAddress), .RESPMEM_MUST_COPY)
            }
        case .deferred:
            // A handler's deferred response must be fulfilled with bytes or a stream.
            return queue(.text("Internal error: a deferred response was fulfilled with another deferred response", status: 500),
                         on: connection, server: server)
        case .stream(let stream):
            let ref = ConnectionRef(pointer: connection)
            let socket = shim_connection_info(connection, .CONNECTION_INFO_CONNECTION_FD)?.pointee.connect_fd
            let context = StreamContext(stream: stream, connection: ref, server: server, socket: socket)
            created = MHD_create_response_from_callback(
                UInt64.max, 1024, streamReader, Unmanaged.passRetained(context).toOpaque(), streamClosed)
            if let created {
                // No chunk framing (the stream ends with the connection), so the stream's
                // bytes can go to the socket as they are.
                let unframed = shim_response_unframed(created) == .YES
                if unframed, let socket { prepareForDirectWrites(socket) }
                server.streamOpened(stream)
                stream.attach(wake: { MHD_resume_connection(ref.pointer) },
                              direct: unframed ? socket.map { socket in { sendNow(socket, $0) } } : nil)
            }
        }
        guard let created else { return .NO }
        for header in response.headers {
            // withCString, not the implicit conversion: that copies each string into a new array.
            _ = header.name.withCString { name in header.value.withCString { MHD_add_response_header(created, name, $0) } }
        }
        let result = MHD_queue_response(connection, UInt32(response.status), created)
        MHD_destroy_response(created)
        return result
    }

    private static func value(_ connection: OpaquePointer, _ kind: MHD_ValueKind, _ key: String) -> String? {
        MHD_lookup_connection_value(connection, kind, key).map { String(cString: $0) }
    }

    private final class Collected {
        var fields: [HeaderField] = []
        let lowercased: Bool
        init(lowercased: Bool, count: Int) {
            self.lowercased = lowercased
            fields.reserveCapacity(count)
        }
    }

    private static func fields(_ connection: OpaquePointer, _ kind: MHD_ValueKind, lowercased: Bool) -> [HeaderField] {
        // Without an iterator libmicrohttpd only counts: the list is sized once, and a request
        // without a query (every note) allocates nothing for it.
        let count = Int(MHD_get_connection_values(connection, kind, nil, nil))
        guard count > 0 else { return [] }
        let collected = Collected(lowercased: lowercased, count: count)
        _ = withExtendedLifetime(collected) {
            MHD_get_connection_values(connection, kind, { cls, _, key, value in
                guard let cls, let key else { return .YES }
                let collected = Unmanaged<Collected>.fromOpaque(cls).takeUnretainedValue()
                let name = collected.lowercased
                    ? asciiLowercased(UnsafeBufferPointer(start: UnsafeRawPointer(key).assumingMemoryBound(to: UInt8.self), count: strlen(key)))
                    : String(cString: key)
                collected.fields.append(HeaderField(name: name, value: value.map { String(cString: $0) } ?? ""))
                return .YES
            }, Unmanaged.passUnretained(collected).toOpaque())
        }
        return collected.fields
    }
}
