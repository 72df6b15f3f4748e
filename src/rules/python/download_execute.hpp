#pragma once
// Download-and-execute in a shell script: code fetched from the network and
// run in the same breath, never written down, never checked.
//   curl -fsSL https://x/install.sh | sh        wget -qO- https://x | sudo bash -s
//   bash <(curl -fsSL https://x)                sh -c "$(curl -fsSL https://x)"
//   eval "$(curl https://x)"                    curl https://x | python3 -
//   iex (irm https://x/install.ps1)             irm https://x/install.ps1 | iex
//   powershell -c "irm https://x | iex"         bash -c 'curl https://x | sh'

#include <string>
#include <vector>

#include "shell/shell_script.hpp"

namespace pysec {

struct DownloadExecution {
    std::size_t begin = 0;   // offsets in the script: from the download to the program that runs it
    std::size_t end = 0;
    std::string downloader;  // curl, wget, irm, iwr, invoke-restmethod, webclient
    std::string executor;    // sh, bash, python, iex, eval, ...
    std::string url;         // the first URL the downloader is given ("" when none is literal)
};

std::vector<DownloadExecution> find_download_executions(const std::vector<shell::Command>& commands);

}  // namespace pysec
