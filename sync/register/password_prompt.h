#pragma once
// Reading a staff password on the command line: without echo from a terminal, or one
// line from standard input when it is a pipe (scripts and tests).
#include <string>

namespace tellus::reg {

// Throws std::runtime_error when standard input ends before a line.
std::string ReadPassword(const std::string& prompt);

}  // namespace tellus::reg
