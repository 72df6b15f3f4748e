#include "report/uri.hpp"

namespace pysec {

std::string path_to_uri(std::string_view path) {
    static constexpr char hex[] = "0123456789ABCDEF";
    std::string uri;
    for (unsigned char c : path) {
        bool unreserved = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' ||
                          c == '.' || c == '_' || c == '~' || c == '/';
        if (unreserved) {
            uri += static_cast<char>(c);
        } else {
            uri += '%';
            uri += hex[c >> 4];
            uri += hex[c & 0xF];
        }
    }
    return uri;
}

}  // namespace pysec
