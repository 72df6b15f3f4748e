#include "core/file_io.hpp"

#include <cerrno>
#include <cstring>
#include <fstream>
#include <stdexcept>

namespace pysec {
namespace {

void write_with_mode(const std::string& path, std::string_view content, std::ios::openmode mode) {
    std::ofstream file(path, mode | std::ios::binary);
    if (!file) throw std::runtime_error("cannot open " + path + " for writing: " + std::strerror(errno));
    file.write(content.data(), static_cast<std::streamsize>(content.size()));
    file.close();
    if (!file) throw std::runtime_error("cannot write " + path + ": " + std::strerror(errno));
}

}  // namespace

void write_text_file(const std::string& path, std::string_view content) {
    write_with_mode(path, content, std::ios::out | std::ios::trunc);
}

void append_text_file(const std::string& path, std::string_view content) {
    write_with_mode(path, content, std::ios::out | std::ios::app);
}

std::string random_hex(std::size_t bytes) {
    static constexpr char digits[] = "0123456789abcdef";
    std::ifstream random("/dev/urandom", std::ios::binary);
    std::string text;
    for (std::size_t i = 0; i < bytes; ++i) {
        char byte = 0;
        if (!random.get(byte)) throw std::runtime_error("cannot read /dev/urandom");
        auto value = static_cast<unsigned char>(byte);
        text += digits[value >> 4];
        text += digits[value & 0xF];
    }
    return text;
}

}  // namespace pysec
