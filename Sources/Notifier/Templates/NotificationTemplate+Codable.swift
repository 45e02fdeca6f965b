extension NotificationTemplate: Codable {
    private enum CodingKeys: String, CodingKey { case key, digest }

    /// Encodes as `{"key":"new-message-employee"}` or `{"key":"manager-digest","digest":{…}}`, a
    /// stable shape for the queue's job payload.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(key, forKey: .key)
        if case .managerDigest(let digest) = self {
            try container.encode(digest, forKey: .digest)
        }
    }

    /// Decodes the shape written by ``encode(to:)``.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        switch try container.decode(TemplateKey.self, forKey: .key) {
        case .newMessageForEmployee: self = .newMessageForEmployee
        case .newMessageForSupport: self = .newMessageForSupport
        case .managerDigest: self = .managerDigest(try container.decode(ManagerDigest.self, forKey: .digest))
        }
    }
}
