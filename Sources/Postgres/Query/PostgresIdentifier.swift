/// Rules for identifiers this client writes into SQL.
enum PostgresIdentifier {
    /// `[A-Za-z_][A-Za-z0-9_$]*`, 1…63 bytes.
    static func isValid(_ name: String) -> Bool {
        let utf8 = name.utf8
        guard !utf8.isEmpty, utf8.count <= 63 else { return false }
        for (index, byte) in utf8.enumerated() {
            let letter = (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A) || byte == 0x5F
            let digit = byte >= 0x30 && byte <= 0x39
            if index == 0 ? !letter : !(letter || digit || byte == 0x24) { return false }
        }
        return true
    }

    /// A custom setting name: two or more valid identifiers joined by dots (`app.person_id`), so a
    /// session context can never change a built-in setting such as `role` or `search_path`.
    static func isValidCustomSetting(_ name: String) -> Bool {
        let parts = name.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count >= 2, name.utf8.count <= 120 else { return false }
        return parts.allSatisfy { isValid(String($0)) && !$0.contains("$") }
    }
}
