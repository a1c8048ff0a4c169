// Reads iCalendar text on stdin with ical.js and prints what a calendar client would see, as JSON.
import ICAL from 'ical.js';

let text = '';
for await (const chunk of process.stdin) text += chunk;

try {
  const root = new ICAL.Component(ICAL.parse(text));
  const events = root.getAllSubcomponents('vevent').map((v) => {
    const e = new ICAL.Event(v);
    return {
      uid: e.uid,
      sequence: e.sequence,
      summary: e.summary,
      description: e.description,
      location: e.location,
      start: e.startDate.toJSDate().toISOString(),
      end: e.endDate.toJSDate().toISOString(),
      status: v.getFirstPropertyValue('status'),
      geo: v.getFirstPropertyValue('geo'),
      organizer: e.organizer,
      attendees: e.attendees.map((a) => ({ value: a.getFirstValue(), cn: a.getParameter('cn'), partstat: a.getParameter('partstat') })),
    };
  });
  console.log(JSON.stringify({ ok: true, method: root.getFirstPropertyValue('method'), prodid: root.getFirstPropertyValue('prodid'), events }));
} catch (error) {
  console.log(JSON.stringify({ ok: false, error: String(error) }));
}
