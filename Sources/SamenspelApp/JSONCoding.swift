import Foundation
import MicroHTTP

/// How the API writes and reads JSON: ISO 8601 dates, UTF-8.
enum JSONCoding {
    static let encoder: JSONEncoder = {
        let encoder = JSONEncoder()
        // Milliseconds keep notes posted in the same second in order.
        encoder.dateEncodingStrategy = .custom { date, encoder in
            var container = encoder.singleValueContainer()
            try container.encode(ISOTime.string(date))
        }
        encoder.outputFormatting = [.withoutEscapingSlashes, .sortedKeys]
        return encoder
    }()

    static let decoder: JSONDecoder = {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        return decoder
    }()

    static func string<T: Encodable>(_ value: T) -> String {
        String(decoding: dataOrEmptyObject(value), as: UTF8.self)
    }

    /// The JSON of `value`, or `{}` if it cannot be encoded (for events, which cannot fail).
    static func dataOrEmptyObject<T: Encodable>(_ value: T) -> Data {
        (try? data(value)) ?? Data("{}".utf8)
    }

    /// The JSON of `value`, by hand where the type writes its own.
    static func data<T: Encodable>(_ value: T) throws -> Data {
        if let value = value as? any HandWrittenJSON { return Data(value.jsonBytes) }
        return try encoder.encode(value)
    }
}

extension HTTPResponse {
    /// A JSON response.
    static func json<T: Encodable>(_ value: T, status: Int = 200) -> HTTPResponse {
        do {
            return .json(encoded: try JSONCoding.data(value), status: status)
        } catch {
            return .error(AppError(status: 500, "Could not encode the answer: \(error)"))
        }
    }

    /// A JSON response from bytes already encoded.
    static func json(encoded: Data, status: Int = 200) -> HTTPResponse {
        HTTPResponse(status: status, contentType: "application/json; charset=utf-8", body: encoded)
    }

    /// The JSON error body `{"error": "..."}` with the error's status.
    static func error(_ error: AppError) -> HTTPResponse {
        struct Body: Encodable { var error: String; var pin: Bool? }
        let body = (try? JSONCoding.encoder.encode(Body(error: error.message, pin: error.pinRequired ? true : nil))) ?? Data()
        var response = HTTPResponse.json(encoded: body, status: error.status)
        for (name, value) in error.headers { response.setHeader(name, value) }
        return response
    }
}

extension HTTPRequest {
    /// Decodes the JSON body, with a message that says what is wrong.
    func decode<T: Decodable>(_ type: T.Type) throws -> T {
        guard !body.isEmpty else { throw AppError.badRequest("The request needs a JSON body.") }
        if let flat = type as? any FlatJSONReadable.Type, let fields = FlatJSON.read(body),
           let value = flat.init(fields: fields) as? T {
            return value
        }
        do {
            return try JSONCoding.decoder.decode(type, from: body)
        } catch DecodingError.dataCorrupted {
            throw AppError.badRequest("The body is not valid JSON.")
        } catch DecodingError.typeMismatch(_, let context) where context.codingPath.isEmpty {
            throw AppError.badRequest("The body is not a JSON object.")
        } catch DecodingError.keyNotFound(let key, _) {
            throw AppError.badRequest("The field '\(key.stringValue)' is missing.")
        } catch DecodingError.typeMismatch(_, let context), DecodingError.valueNotFound(_, let context) {
            let field = context.codingPath.map(\.stringValue).joined(separator: ".")
            throw AppError.badRequest("The field '\(field)' has the wrong type.")
        } catch {
            throw AppError.badRequest("The body could not be read as JSON.")
        }
    }
}
