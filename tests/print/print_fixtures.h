#pragma once
// Shared by the print tests: a sample slip in any language, the assets the build made,
// commands run for their output, PGM images (pdftoppm's) and an ESC/POS decoder that
// turns a printer's byte stream back into the picture it would print.
#include <stdlib.h>
#include <sys/wait.h>

#include <array>
#include <cstdio>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <string>
#include <vector>

#include "core/journey.h"
#include "core/policy.h"
#include "easyread/catalog.h"
#include "kiosk/print/slip_render.h"
#include "kiosk/print/slip_words.h"

namespace tellus::print_testing {

using namespace tellus::print;

// A folder of its own under /tmp, removed with everything in it.
struct TempDir {
  std::filesystem::path path;
  TempDir() {
    char name[] = "/tmp/tellus-print-XXXXXX";
    path = mkdtemp(name);
  }
  ~TempDir() { std::filesystem::remove_all(path); }
};

inline Date Day(int y, unsigned m, unsigned d) { return Date{std::chrono::year{y}, std::chrono::month{m}, std::chrono::day{d}}; }

inline std::string LangRoot() { return std::string(TELLUS_SOURCE_DIR) + "/easyread/lang"; }
inline const char* const kLanguages[] = {"en-GB", "cy", "pl", "fr", "es", "pt", "ro", "uk", "lt"};

inline SlipAssets Assets() {
  SlipAssets a;
  a.pictogram_dir = TELLUS_PICTOGRAM_DIR;
  return a;
}

inline Policy Seetec() {
  return LoadPolicy("seetec", std::string(TELLUS_SOURCE_DIR) + "/assets/policies");
}

// The done screen's receipt for a named complaint sent on Monday 30 November 2026:
// contact by Thursday 3 December, an answer by Wednesday 30 December.
inline JourneyState DoneState(const std::string& reference = "SG-0070-002Z",
                              const std::string& code = "XHWTS-15AW5", JourneyKind kind = JourneyKind::kComplaint,
                              bool anonymous = false) {
  JourneyState s;
  s.kind = kind;
  s.place = Place{Step::kDone, 0};
  s.receipt = Receipt{"uuid", reference, code, Day(2026, 11, 30), Day(2026, 12, 3), Day(2026, 12, 30), kind, anonymous};
  return s;
}

inline SlipWords Words(const std::string& language, const JourneyState& state = DoneState()) {
  const Catalog catalog = Catalog::LoadLanguage(LangRoot(), language);
  const Policy policy = Seetec();
  const std::optional<ReceiptSlip> slip = SlipFor(state, policy);
  if (!slip) throw std::runtime_error("no slip for this state");
  return WordsFor(*slip, catalog, policy);
}

// Runs a shell command; its standard output, or throws with its exit status.
inline std::string RunCommand(const std::string& command) {
  FILE* pipe = popen(command.c_str(), "r");
  if (!pipe) throw std::runtime_error("cannot run " + command);
  std::string out;
  std::array<char, 4096> buffer{};
  std::size_t n;
  while ((n = fread(buffer.data(), 1, buffer.size(), pipe)) > 0) out.append(buffer.data(), n);
  const int status = pclose(pipe);
  if (!WIFEXITED(status) || WEXITSTATUS(status) != 0)
    throw std::runtime_error(command + ": exit " + std::to_string(WEXITSTATUS(status)));
  return out;
}

inline void WriteFile(const std::string& path, const std::string& bytes) {
  std::ofstream out(path, std::ios::binary);
  out << bytes;
}

inline std::string ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

// Runs of spaces, tabs and line ends as one space (pdftotext lays words out as it sees them).
inline std::string Squeeze(const std::string& text) {
  std::string out;
  for (char ch : text) {
    const bool space = ch == ' ' || ch == '\n' || ch == '\t' || ch == '\f' || ch == '\r';
    if (space) {
      if (!out.empty() && out.back() != ' ') out += ' ';
    } else {
      out += ch;
    }
  }
  return out;
}

// A binary PGM (P5, 8-bit), as pdftoppm -gray writes it.
inline GreyImage ReadPgm(const std::string& bytes) {
  std::istringstream in(bytes);
  std::string magic;
  int w = 0, h = 0, max = 0;
  in >> magic >> w >> h >> max;
  if (magic != "P5" || w <= 0 || h <= 0 || max != 255) throw std::runtime_error("not an 8-bit PGM");
  in.get();
  GreyImage image;
  image.width = w;
  image.height = h;
  image.pixels.resize(static_cast<std::size_t>(w) * h);
  in.read(reinterpret_cast<char*>(image.pixels.data()), static_cast<std::streamsize>(image.pixels.size()));
  if (in.gcount() != static_cast<std::streamsize>(image.pixels.size())) throw std::runtime_error("short PGM");
  return image;
}

// What an ESC/POS printer does with the bytes: ESC @ resets; each GS v 0 band is drawn
// below the last; ESC d feeds; GS V cuts (the end of the slip). Anything else is an error.
struct Decoded {
  GreyImage image;                                 // 0 where a dot is burnt, 255 elsewhere
  int bands = 0;
  bool initialised = false;
  bool cut = false;
  int fed_lines = 0;
};

inline Decoded DecodeEscPos(const std::vector<std::uint8_t>& b) {
  Decoded d;
  std::size_t i = 0;
  auto need = [&](std::size_t n) {
    if (i + n > b.size()) throw std::runtime_error("ESC/POS stream cut short at byte " + std::to_string(i));
  };
  while (i < b.size()) {
    if (b[i] == 0x1B && i + 1 < b.size() && b[i + 1] == 0x40) {
      d.initialised = true;
      i += 2;
    } else if (b[i] == 0x1B && i + 1 < b.size() && b[i + 1] == 0x64) {
      need(3);
      d.fed_lines += b[i + 2];
      i += 3;
    } else if (b[i] == 0x1D && i + 1 < b.size() && b[i + 1] == 0x56) {
      need(3);
      d.cut = true;
      i += b[i + 2] >= 65 ? 4 : 3;                 // GS V m n (m 65/66) or GS V m
    } else if (b[i] == 0x1D && i + 2 < b.size() && b[i + 1] == 0x76 && b[i + 2] == 0x30) {
      need(8);
      const int bytes_per_row = b[i + 4] | (b[i + 5] << 8);
      const int rows = b[i + 6] | (b[i + 7] << 8);
      i += 8;
      need(static_cast<std::size_t>(bytes_per_row) * rows);
      if (d.image.width == 0) d.image.width = bytes_per_row * 8;
      if (d.image.width != bytes_per_row * 8) throw std::runtime_error("bands of different widths");
      for (int y = 0; y < rows; ++y)
        for (int x = 0; x < d.image.width; ++x) {
          const std::uint8_t byte = b[i + static_cast<std::size_t>(y) * bytes_per_row + x / 8];
          d.image.pixels.push_back((byte & (0x80 >> (x % 8))) ? 0 : 255);
        }
      d.image.height += rows;
      i += static_cast<std::size_t>(bytes_per_row) * rows;
      ++d.bands;
    } else {
      throw std::runtime_error("unknown ESC/POS byte " + std::to_string(b[i]) + " at " + std::to_string(i));
    }
  }
  return d;
}

}  // namespace tellus::print_testing
