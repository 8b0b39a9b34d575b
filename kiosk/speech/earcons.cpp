#include "kiosk/speech/earcons.h"

#include <cmath>

namespace tellus {
namespace {

struct Note {
  double hz;
  double seconds;
};

// Sine notes with a 5 ms attack and an exponential release: no clicks.
void AppendNote(std::vector<int16_t>& out, const Note& note, int rate, double amplitude) {
  const int count = static_cast<int>(note.seconds * rate);
  const int attack = rate / 200;
  for (int i = 0; i < count; ++i) {
    const double t = static_cast<double>(i) / rate;
    double envelope = std::exp(-4.0 * i / count);
    if (i < attack) envelope *= static_cast<double>(i) / attack;
    const double value = amplitude * envelope * std::sin(2.0 * M_PI * note.hz * t);
    out.push_back(static_cast<int16_t>(value * 32767.0));
  }
}

void AppendSilence(std::vector<int16_t>& out, double seconds, int rate) {
  out.insert(out.end(), static_cast<size_t>(seconds * rate), 0);
}

}  // namespace

std::vector<int16_t> EarconPcm(Earcon earcon, int rate) {
  std::vector<int16_t> out;
  const double a = 0.5;
  switch (earcon) {
    case Earcon::kPress:
      AppendNote(out, {880, 0.05}, rate, a);
      break;
    case Earcon::kBack:
      AppendNote(out, {660, 0.07}, rate, a);
      AppendNote(out, {440, 0.09}, rate, a);
      break;
    case Earcon::kError:
      AppendNote(out, {220, 0.12}, rate, a);
      AppendSilence(out, 0.05, rate);
      AppendNote(out, {196, 0.16}, rate, a);
      break;
    case Earcon::kDone:
      AppendNote(out, {523.25, 0.08}, rate, a);
      AppendNote(out, {659.25, 0.08}, rate, a);
      AppendNote(out, {783.99, 0.18}, rate, a);
      break;
  }
  return out;
}

}  // namespace tellus
