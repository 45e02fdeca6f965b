extension String {
    /// Byte-for-byte equality of the UTF-8. `==` on Swift strings treats canonically equivalent
    /// spellings ("é" and "e" + U+0301) as equal; an issuer or a client id must match exactly.
    func isIdentical(to other: String) -> Bool {
        utf8.elementsEqual(other.utf8)
    }
}
