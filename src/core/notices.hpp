#pragma once
// Things the user should know about the scan that are not findings: skipped
// symlinks, files over the size cap, a directory that is not a repository.

#include <string>
#include <vector>

namespace pysec {

class Notices {
public:
    void add(std::string message) { messages_.push_back(std::move(message)); }
    const std::vector<std::string>& messages() const { return messages_; }

private:
    std::vector<std::string> messages_;
};

}  // namespace pysec
