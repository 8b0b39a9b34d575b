#pragma once
// Who the audit log names for a command-line action: the operating-system user the
// process runs as (getpwuid(geteuid())), which the person at the shell cannot choose
// with a flag or $USER. Staff accounts in the web pages will name the signed-in person.
#include <string>

namespace tellus::reg {

std::string OsUserActor();                         // "alice", or "uid 1001" when the user has no name

}  // namespace tellus::reg
