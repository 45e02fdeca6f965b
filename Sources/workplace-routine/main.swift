// workplace-routine — the one command of the product.
//
//   serve                         the web service
//   notifier [status|retry ID|discard ID]   the job queue worker and its operator commands
//   migrate [--status]            apply pending migrations (as the migration owner)
//   demo                          load the demo organisation "Östersunds kommun (demo)" once
//   demo --employees N --organisations M --cycles C [--seed S] [--director LOGIN]   synthetic data
//   import org FILE --organisation ID [--dry-run]      HR import (CSV or JSON)
//   sla-deadline --from TIME      the contact deadline for a request received at TIME (ISO 8601)
import Foundation
import Observability
import WorkplaceRoutine

let arguments = Array(CommandLine.arguments.dropFirst())
let status = await Commands.run(arguments)
exit(status)
