/** Pure ticket decisions for inbound mail: which ticket a message continues, and what to do with it. */
export { findTicket, type Join, type JoinVia, type TicketIndex, type TicketView } from './join';
export { decide, mergeFollowers, type DecideInput, type Decision, type UnregisteredPolicy } from './decide';
