// Writes a sample receipt (made-up codes, a named Seetec complaint sent on Monday 30
// November 2026) as the PDF the kiosk would send to CUPS, for docs/receipt-slip.png:
//   build/tests/print_sample_slip en-GB /tmp/slip.pdf && pdftoppm -r 150 -png -singlefile /tmp/slip.pdf docs/receipt-slip
#include <iostream>

#include "kiosk/print/slip_layout.h"
#include "kiosk/print/slip_render.h"
#include "tests/print/print_fixtures.h"

int main(int argc, char** argv) {
  using namespace tellus::print_testing;
  if (argc != 3) {
    std::cerr << "usage: print_sample_slip LANGUAGE OUT.pdf\n";
    return 2;
  }
  try {
    const SlipLayout layout = LayOutSlip(Words(argv[1]), Assets());
    WriteFile(argv[2], RenderPdf(layout, Assets()));
  } catch (const std::exception& e) {
    std::cerr << "print_sample_slip: " << e.what() << "\n";
    return 1;
  }
  return 0;
}
