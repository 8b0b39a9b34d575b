// tellus-staff-fixture: puts cases in a kiosk's outbox as the kiosk makes them (sealed
// personal part, hashed tracking code), for the staff pages' browser tests and benchmark
// to send through the real sync client. Prints one JSON object per case: reference,
// tracking code, policy, service.
//   tellus-staff-fixture --identity kiosk.json --outbox kiosk.db --count N [--first-sequence S]
// The first case is urgent, the second asked for help to write, the third carries a
// spoken answer (a real Ogg Opus stream); services alternate between the policy's first two.
#include <chrono>
#include <cmath>
#include <iostream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "../sync/register_process.h"
#include "core/date.h"
#include "kiosk/voice/opus_codec.h"

namespace {

std::vector<unsigned char> ToneOpus(int seconds) {
  tellus::voice::OpusWriter writer;
  std::vector<std::int16_t> pcm(static_cast<std::size_t>(tellus::voice::kCaptureRate) * seconds);
  for (std::size_t i = 0; i < pcm.size(); ++i) {
    const double t = static_cast<double>(i) / tellus::voice::kCaptureRate;
    pcm[i] = static_cast<std::int16_t>(6000 * std::sin(2 * M_PI * (220 + 110 * std::sin(2 * M_PI * 0.5 * t)) * t));
  }
  writer.Write(pcm.data(), pcm.size());
  return writer.Finish();
}

}  // namespace

int main(int argc, char** argv) {
  std::string identity_path, outbox;
  int count = 3;
  std::uint64_t first = 1;
  for (int i = 1; i + 1 < argc; i += 2) {
    std::string flag = argv[i], value = argv[i + 1];
    if (flag == "--identity") identity_path = value;
    else if (flag == "--outbox") outbox = value;
    else if (flag == "--count") count = std::stoi(value);
    else if (flag == "--first-sequence") first = std::stoull(value);
    else {
      std::cerr << "tellus-staff-fixture: unknown option " << flag << "\n";
      return 2;
    }
  }
  if (identity_path.empty() || outbox.empty()) {
    std::cerr << "usage: tellus-staff-fixture --identity kiosk.json --outbox kiosk.db [--count N] [--first-sequence S]\n";
    return 2;
  }
  try {
    const tellus::KioskIdentity identity = tellus::LoadKioskIdentity(identity_path);
    const std::string policy_id = identity.policy.empty() ? "seetec" : identity.policy;
    const tellus::Policy policy = tellus::LoadPolicy(policy_id, std::string(TELLUS_SOURCE_DIR) + "/assets/policies");
    tellus::Store store = tellus::Store::Open(outbox);
    for (int n = 0; n < count; ++n) {
      const std::uint64_t sequence = first + static_cast<std::uint64_t>(n);
      const std::string now = tellus::ToIsoUtc(std::chrono::floor<std::chrono::seconds>(std::chrono::system_clock::now()));
      tellus::testing::MadeItem item = tellus::testing::MakeItem(identity, sequence, policy_id, nullptr, now);
      if (policy.services.size() > 1) item.clear.service_id = policy.services[n % 2].id;
      item.clear.urgent = n == 0;
      item.clear.help_to_write = n == 1;
      tellus::PersonalPart personal;
      personal.subject = "The adviser at the " + item.clear.service_id + " office";
      personal.what_happened = "My appointment was cancelled three times without telling me (case " +
                               std::to_string(sequence) + ").";
      personal.put_right = "An apology and a new appointment.";
      if (n == 1) {
        personal.help.way = tellus::HelpWay::kCallBack;
        personal.person.phone = "01632 960" + std::to_string(100 + n);
        personal.person.contact = tellus::ContactPreference::kPhone;
      }
      if (n == 2) {
        tellus::Recording r;
        r.question = tellus::SpokenQuestion::kWhatHappened;
        r.opus = tellus::AudioBuffer(ToneOpus(3));
        r.length_ms = 3000;
        personal.recordings.push_back(std::move(r));
      }
      item.sealed = tellus::SealPersonal(personal, identity.register_box_public_key);
      store.Enqueue(item.clear, item.sealed, item.tracking_hash);
      std::cout << nlohmann::json{{"reference", item.clear.reference},
                                  {"tracking_code", item.tracking_code},
                                  {"policy", policy_id},
                                  {"service", item.clear.service_id}}
                       .dump()
                << "\n";
    }
  } catch (const std::exception& e) {
    std::cerr << "tellus-staff-fixture: " << e.what() << "\n";
    return 1;
  }
  return 0;
}
