#pragma once
// Earcons made at start from short tones, so no sound files ship: press (a soft
// click-tone), back (a falling pair), error (two low buzzes), done (a rising chord).
#include <cstdint>
#include <vector>

#include "kiosk/speech/speaker.h"

namespace tellus {

std::vector<int16_t> EarconPcm(Earcon earcon, int sample_rate);  // mono, full scale about -6 dB

}  // namespace tellus
