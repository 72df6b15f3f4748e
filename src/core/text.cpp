#include "core/text.hpp"

#include <algorithm>
#include <cctype>

namespace pysec {

LineIndex::LineIndex(std::string_view text) : text_(text) {
    starts_.push_back(0);
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text[i] == '\n') starts_.push_back(i + 1);
    }
}

Position LineIndex::position(std::size_t offset) const {
    offset = std::min(offset, text_.size());
    auto it = std::upper_bound(starts_.begin(), starts_.end(), offset);
    auto line_index = static_cast<std::size_t>(it - starts_.begin()) - 1;
    std::size_t start = starts_[line_index];
    auto column = count_code_points(text_.substr(start, offset - start));
    return {static_cast<std::uint32_t>(line_index + 1), static_cast<std::uint32_t>(column + 1)};
}

std::size_t LineIndex::offset(Position position) const {
    if (position.line == 0 || position.line > starts_.size()) return text_.size();
    std::size_t offset = starts_[position.line - 1];
    for (std::uint32_t column = 1; column < position.column && offset < text_.size(); ++column) {
        if (text_[offset] == '\n') break;
        ++offset;
        while (offset < text_.size() && (static_cast<unsigned char>(text_[offset]) & 0xC0) == 0x80) ++offset;
    }
    return offset;
}

std::size_t LineIndex::line_start(std::uint32_t line_number) const {
    if (line_number == 0 || line_number > starts_.size()) return text_.size();
    return starts_[line_number - 1];
}

std::string_view LineIndex::line(std::uint32_t line_number) const {
    if (line_number == 0 || line_number > starts_.size()) return {};
    std::size_t start = starts_[line_number - 1];
    std::size_t end = line_number < starts_.size() ? starts_[line_number] - 1 : text_.size();
    std::string_view result = text_.substr(start, end - start);
    if (!result.empty() && result.back() == '\r') result.remove_suffix(1);
    return result;
}

std::optional<std::size_t> find_invalid_utf8(std::string_view text) {
    const auto* bytes = reinterpret_cast<const unsigned char*>(text.data());
    const std::size_t size = text.size();
    std::size_t i = 0;
    while (i < size) {
        unsigned char c = bytes[i];
        if (c < 0x80) {
            ++i;
            continue;
        }
        std::size_t length;
        char32_t code_point;
        if ((c & 0xE0) == 0xC0) {
            length = 2;
            code_point = c & 0x1F;
        } else if ((c & 0xF0) == 0xE0) {
            length = 3;
            code_point = c & 0x0F;
        } else if ((c & 0xF8) == 0xF0) {
            length = 4;
            code_point = c & 0x07;
        } else {
            return i;
        }
        if (i + length > size) return i;
        for (std::size_t k = 1; k < length; ++k) {
            if ((bytes[i + k] & 0xC0) != 0x80) return i;
            code_point = (code_point << 6) | (bytes[i + k] & 0x3F);
        }
        static constexpr char32_t minimum[] = {0, 0, 0x80, 0x800, 0x10000};
        if (code_point < minimum[length] || code_point > 0x10FFFF ||
            (code_point >= 0xD800 && code_point <= 0xDFFF)) {
            return i;
        }
        i += length;
    }
    return std::nullopt;
}

std::size_t count_code_points(std::string_view text) {
    return static_cast<std::size_t>(std::count_if(text.begin(), text.end(), [](char c) {
        return (static_cast<unsigned char>(c) & 0xC0) != 0x80;
    }));
}

std::string_view trim(std::string_view text) {
    auto is_space = [](char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; };
    while (!text.empty() && is_space(text.front())) text.remove_prefix(1);
    while (!text.empty() && is_space(text.back())) text.remove_suffix(1);
    return text;
}

bool starts_with_icase(std::string_view text, std::string_view prefix) {
    if (text.size() < prefix.size()) return false;
    for (std::size_t i = 0; i < prefix.size(); ++i) {
        if (std::tolower(static_cast<unsigned char>(text[i])) !=
            std::tolower(static_cast<unsigned char>(prefix[i]))) {
            return false;
        }
    }
    return true;
}

std::string to_lower(std::string_view text) {
    std::string result(text);
    for (char& c : result) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return result;
}

std::string collapse_whitespace(std::string_view text) {
    std::string result;
    result.reserve(text.size());
    bool pending_space = false;
    for (char c : text) {
        if (c == ' ' || c == '\t' || c == '\r' || c == '\n') {
            pending_space = !result.empty();
            continue;
        }
        if (pending_space) result.push_back(' ');
        pending_space = false;
        result.push_back(c);
    }
    return result;
}

}  // namespace pysec
