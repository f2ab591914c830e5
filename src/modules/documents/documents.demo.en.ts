/**
 * The model process's outcomes report in English: our own text, written for the demo (not the
 * real 2019 report). Keys are the blocks' stable identities shared with the French text
 * (documents.demo.fr.ts); `key~2` and `key~3` are the same block as rewritten in versions 2 and 3.
 * The order of each version is in documents.demo.texts.ts.
 */
export const REPORT_EN: Record<string, string> = {
  title: '# Enhancing IoT Security: Draft Outcomes Report',
  'title~3': '# Enhancing IoT Security: Outcomes Report',
  status:
    '*Draft for public comment, 20 February 2019.* Comments are welcome from 25 February to 5 April 2019. Every comment will receive a written response in the disposition-of-comments report published with the final text.',
  'status~2':
    '*Revised draft, 30 April 2019.* This version answers the comments received from 25 February to 5 April 2019; the disposition-of-comments report explains each change.',
  'status~3':
    '*Final report, 10 June 2019*, adopted by the oversight committee after the final meeting in Ottawa. The disposition-of-comments report gives the response to every public comment.',

  'h-1': '## 1 Introduction',
  'p-1-1':
    'Connected devices have moved from novelty to infrastructure. Thermostats, door locks, baby monitors, televisions and home routers now sit on the same networks as the computers and phones people use for banking and health care. Many of these devices ship with weak default settings, receive few or no security updates, and give buyers no way to tell how long they will be supported. When they are compromised, they are enlisted in attacks that slow or stop services far beyond the home where they are installed.',
  'p-1-1~3':
    'Connected devices have moved from novelty to infrastructure. Thermostats, door locks, baby monitors, televisions and home routers now share the networks of the computers and phones people use for banking and health care. Many of these devices ship with weak default settings, receive few or no security updates, and give buyers no way to tell how long they will be supported. Once compromised, they are enlisted in attacks that disrupt services far beyond the home where they are installed.',
  'p-1-2':
    'In June 2018, government, civil society, the technical community, academia and industry came together in an open multistakeholder process to agree on what good security looks like for these devices. Three working groups — network resilience, device labelling and consumer education — met every two weeks from October 2018 to January 2019. This report gathers what they agreed on.',
  'p-1-3':
    'The report covers consumer devices sold in Canada: products bought by households and small businesses and connected to the Internet directly or through a home network. It does not cover industrial control systems, medical devices or vehicles, which have their own regulators and standards.',
  'p-1-4':
    'The benchmarks in section 3 describe practices that a secure device and its maker should meet; they are not law. The recommendations in section 4 say who should act to make those practices the norm. "Should" marks a benchmark or a recommendation; "may" marks a practice the process found useful but did not agree to ask of everyone.',

  'h-2': '## 2 Definitions',
  'p-2-0': 'In this report:',
  'li-2-1':
    '- **Connected device** (or IoT device): a physical product that runs software and exchanges data over a network, other than a general-purpose computer, tablet or phone.',
  'li-2-2': '- **Manufacturer**: the organisation that puts a connected device on the market under its name or brand, whether or not it builds the device itself.',
  'li-2-3': "- **Security update**: a change to a device's software that fixes a vulnerability, delivered by the manufacturer or on its behalf.",
  'li-2-4': '- **Support period**: the time during which the manufacturer commits to provide security updates for a device.',
  'li-2-4~2':
    '- **Support period**: the time during which the manufacturer commits to provide security updates for a device, stated as an end date rather than a duration.',
  'li-2-5':
    '- **Unique credential**: a password, key or certificate that differs from one device to the next and cannot be derived from public information such as a serial number or a network address.',
  'li-2-6':
    '- **Vulnerability disclosure policy**: a public statement of how anyone may report a security flaw to a manufacturer, and of what the manufacturer will do with the report and how quickly.',

  'h-3': "## 3 Benchmarks across a device's lifespan",
  'p-3-0':
    "Security is not a feature added at the end. It depends on decisions made at each stage of a device's life: when it is designed, when it is built, while it communicates and is in use, and when it is no longer supported. The table summarises the benchmarks; the subsections explain them.",
  'table-3': `| Stage | Benchmark | Who acts |
| --- | --- | --- |
| Development | No universal default passwords; a published vulnerability disclosure policy | Manufacturer |
| Manufacturing | Unique credentials provisioned on each unit; verified boot | Manufacturer, suppliers |
| Communications | Encrypted connections; expected traffic declared | Manufacturer, network operators |
| Management | Automatic security updates; support period stated at sale | Manufacturer, retailers |
| End of life | A reset that erases personal data; notice before support ends | Manufacturer, owner |`,
  'table-3~2': `| Stage | Benchmark | Who acts |
| --- | --- | --- |
| Development | No universal default password on any account | Manufacturer |
| Manufacturing | Unique credentials provisioned on each unit; verified boot | Manufacturer, suppliers |
| Communications | Encrypted connections; expected traffic declared | Manufacturer, network operators |
| Management | Automatic security updates; support end date stated at sale; a published vulnerability disclosure policy | Manufacturer, retailers |
| End of life | Six months' notice before support ends; a reset that erases personal data | Manufacturer, owner |`,

  'h-3-1': '### 3.1 Development',
  'p-3-1-1':
    'Manufacturers should design devices with their threats in mind: who might attack the device, through which interfaces, and what harm would follow. The design should switch off services the device does not need, and should keep the software small enough that it can be reviewed and updated.',
  'p-3-1-2':
    'A device should not ship with a universal default password. Each device should have a unique credential, or the owner should be required to set one before the device connects to the Internet.',
  'p-3-1-2~2':
    'A device should not ship with a universal default password. Each device should have a unique credential, or the owner should be required to set one before the device connects to the Internet. This applies to every account on the device, including maintenance and debugging accounts, not only to the one the owner sees.',
  'p-3-1-3':
    'Devices should collect only the personal data they need to work, say plainly what they collect and where it goes, and let the owner turn off collection that is not essential.',
  'p-3-1-4':
    'Every manufacturer should publish a vulnerability disclosure policy, with a contact that works, a promise not to take legal action against people who report flaws in good faith, and a target time for fixing what is reported.',

  'h-3-2': '### 3.2 Manufacturing and supply chain',
  'p-3-2-1':
    'Devices should start only software signed by the manufacturer (verified boot), so that a compromised update or a tampered unit cannot run code the manufacturer did not approve.',
  'p-3-2-2':
    'Unique credentials should be generated and installed on each unit at the factory, in a way that keeps them secret from the supply chain and leaves no copies where the manufacturer cannot protect them.',
  'p-3-2-3':
    'Manufacturers should keep a software bill of materials for each device — the list of software components it contains, with their versions — so that when a flaw is found in a common component they can tell at once which of their products are affected.',

  'h-3-3': '### 3.3 Communications and the network',
  'p-3-3-1':
    'Devices should encrypt their connections with current, well-reviewed protocols, check the identity of the servers they talk to, and leave no network port open that their function does not require.',
  'p-3-3-2':
    'Devices should declare the traffic they are expected to send and receive, for example with a Manufacturer Usage Description (MUD, RFC 8520), so that home and enterprise networks can spot and block what falls outside it.',
  'p-3-3-3':
    "A device should keep doing its essential job — a lock should lock, a thermostat should heat — when the Internet connection or the manufacturer's cloud service is unavailable.",

  'h-3-4': '### 3.4 Management, updates and end of life',
  'p-3-4-1':
    'Security updates should be installed automatically by default, signed by the manufacturer and checked by the device before they are applied. An update should not remove functions the owner paid for.',
  'p-3-4-1~2':
    'Security updates should be installed automatically by default, signed by the manufacturer and checked by the device before they are applied. Owners may postpone an update for a short time, for example to avoid a restart while the device is in use, but should not be able to switch updates off without a clear warning. An update should not remove functions the owner paid for.',
  'p-3-4-2':
    "The support period should be stated before purchase — on the package, in the retailer's listing and on the manufacturer's site — and should not be shortened once a device has been sold.",
  'p-3-4-3':
    "When support ends, the manufacturer should say so in advance, and the owner should be able to reset the device so that it holds no personal data and no link to the owner's accounts.",
  'p-3-4-3~2':
    "The manufacturer should announce the end of support at least six months in advance. Because devices are also resold, given away and rented, the owner should be able, at the end of support and at every change of hands, to reset the device so that it holds no personal data and no link to the previous owner's accounts; a new owner should be able to see how long the device will still be supported.",
  'p-3-4-4':
    'Devices are resold, given away and rented. Resetting a device should hand it over cleanly to a new owner, who should be able to see how long it will still be supported.',

  'h-4': '## 4 Recommendations',
  'p-4-0':
    'The benchmarks will matter only if buyers can see them and networks can cope when they are not met. The process makes the following recommendations.',
  'h-4-1': '### 4.1 Network resilience',
  'p-4-1-1':
    'Internet service providers should notify customers when a device on their network is seen taking part in an attack, and tell them in plain language how to fix or disconnect it.',
  'p-4-1-1~2':
    "Internet service providers should notify customers when a device on their network is seen taking part in an attack, and tell them in plain language how to fix or disconnect it. Notices should rely on the traffic data already collected to run the network, and should never lead to inspection of the content of customers' communications.",
  'p-4-1-2':
    'Home routers sold or supplied by providers should support separating connected devices from computers and phones, and should use the traffic descriptions of section 3.3 to limit what each device can reach.',
  'h-4-2': '### 4.2 Labelling',
  'p-4-2-1':
    'A voluntary security label should be developed for consumer devices, stating the support period, whether the device has unique credentials, and how to report a flaw. Manufacturers that display it should meet the benchmarks of section 3.',
  'p-4-2-1~2':
    'A voluntary security label, in English and French, should be developed for consumer devices, stating the end date of the support period, whether the device has unique credentials, and how to report a flaw. Manufacturers that display it should meet the benchmarks of section 3.',
  'p-4-2-1~3':
    'A security label, in English and French, should be developed for consumer devices, stating the end date of the support period, whether the device has unique credentials, and how to report a flaw. The label should start as a voluntary scheme; if, two years after its launch, fewer than half of the devices sold carry it, governments should make the label, or an equivalent disclosure, mandatory. Manufacturers that display it should meet the benchmarks of section 3.',
  'p-4-2-2':
    'Each label should carry a short link or QR code to a public registry where its claims can be checked and where a support period that has ended is shown as such.',
  'h-4-3': '### 4.3 Consumer education',
  'p-4-3-1': 'A plain-language guide, in English and French, should explain how to choose a device, set it up securely, keep it updated and retire it.',
  'p-4-3-2':
    'Retailers should train their staff to explain the label and the support period at the point of sale, and should show the support period in their online listings.',
  'p-4-3-3':
    'Outreach should reach people who are often left out: seniors, newcomers, people in rural and northern communities with limited connectivity, and young people who set up devices for their families.',
  'p-4-3-4':
    'The guide and the label should be available in accessible formats — large print, web pages that work with screen readers, audio, and plain-language summaries — and tested with the people who will use them.',
  'h-4-4': '### 4.4 Public procurement',
  'p-4-4-1':
    'Governments and public bodies should require the benchmarks of section 3 when they buy connected devices, and should publish the requirement so that manufacturers see a market for secure products.',

  'h-5': '## 5 Next steps',
  'p-5-1':
    'This draft is open for public comment until 5 April 2019. The working groups will review every comment, and the final meeting in Ottawa in April 2019 will settle the remaining questions.',
  'p-5-1~2':
    'The working groups reviewed every comment received from 25 February to 5 April 2019; the disposition-of-comments report gives the response to each. The final meeting, held in Ottawa on 18 April 2019, settled the remaining questions.',
  'p-5-1~3':
    'The working groups reviewed every comment received from 25 February to 5 April 2019; the disposition-of-comments report gives the response to each. The final meeting, held in Ottawa on 18 April 2019, settled the remaining questions, and the oversight committee adopted this report on 10 June 2019.',
  'p-5-2':
    'An action committee drawn from every stakeholder group will follow up on the recommendations, report on progress twice a year, and convene the label and guide projects.',
  'p-5-3': 'The benchmarks should be reviewed two years after publication, to reflect new threats and the standards adopted in the meantime.',
  'p-5-3~2':
    'The benchmarks should be reviewed two years after publication, to reflect new threats and the standards adopted in the meantime. The review should look again at software bills of materials, which several comments asked to defer until tools and practice mature.',
};

/** The document's slug and its versions' messages, in English. */
export const REPORT_META_EN = {
  slug: 'draft-outcomes-report',
  messages: {
    1: 'Draft for public comment, as agreed by the working groups at the third plenary.',
    2: "Revised after public comment: the support period is an end date (§2); every account is covered by the default-password benchmark (§3.1); the software bill of materials moves from a benchmark (§3.2) to the two-year review (§5); the disclosure policy moves to management (§3.4); end of support and resale are merged, with six months' notice (§3.4); owners may postpone updates (§3.4); a privacy safeguard for provider notices (§4.1); a bilingual label with an end date (§4.2); a new paragraph on accessible formats (§4.3).",
    3: 'Final text adopted by the oversight committee: the label becomes mandatory if fewer than half of the devices sold carry it after two years (§4.2); status, introduction and next steps brought up to date.',
  },
} as const;
