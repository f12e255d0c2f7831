// A written archive for the event tests (test/events-archive.test.ts): one speaker, the (invented) Dorvanian
// ambassador Irena Valk, gives six briefings two to eight weeks apart, and two or three outlets report each in their
// own words. Every briefing recites the same talking points — the settlement conditions, the share of Harn and
// Sollen her forces hold (80% and 95%, the same figures each time), thanks for Kestan's neutrality, the West's
// double standards — and brings its own news (an attack, an exchange, a deal) with its own figures and names.
// All names, places and figures are made up; none of this text is taken from real coverage.

export interface ArchiveReport {
  id: string;
  /** The briefing it reports (b1…b6). */
  briefing: string;
  /** The header date an outlet gave, or null: an undated report. */
  date: string | null;
  outlet: string;
  text: string;
}

export const ARCHIVE: ArchiveReport[] = [
  // b1, Tuesday 14 January 2025
  {
    id: "b1-courier", briefing: "b1", date: "2025-01-14", outlet: "Daily Courier",
    text: `Dorvanian Ambassador Irena Valk told a news conference in Merin that a drone strike on the Tarsk power station on January 9 had killed 14 workers and left the city without heating.
She blamed Vellmark for the attack and said the Tarsk plant supplied electricity to 300,000 homes.
Valk announced that Dorvania would ship 1.2 million tonnes of wheat to Kestan this year under a new grain agreement, and that Deputy Foreign Minister Pavel Orsk would visit Merin in February.
Repeating her government's terms, she said a settlement required Vellmark to withdraw from Harn and Sollen, recognise the new borders, stay out of the Northern Pact and lift sanctions.
She thanked Kestan for its neutrality.`,
  },
  {
    id: "b1-times", briefing: "b1", date: "2025-01-15", outlet: "Kestan Times",
    text: `Fourteen workers died when drones hit the power station in Tarsk last week, the ambassador of Dorvania, Irena Valk, said on Tuesday, accusing Vellmark of targeting civilian energy sites.
According to the envoy, the station heated and lit some 300,000 homes.
Kestan will receive 1.2 million tonnes of Dorvanian wheat in 2025, Valk said, describing the grain deal as proof of a friendship that did not depend on the war.
Pavel Orsk, Dorvania's deputy foreign minister, is expected in Merin next month, she added.
Dorvanian forces hold 80% of Harn and 95% of Sollen, the ambassador claimed.`,
  },
  {
    id: "b1-kna", briefing: "b1", date: null, outlet: "KNA",
    text: `MERIN (KNA) - "Those who strike power stations in winter are not fighting an army, they are fighting old people and children," Ambassador Irena Valk said, speaking of the drone attack on the Tarsk power station in which 14 workers were killed.
The Dorvanian envoy said her country would supply Kestan with 1.2 million tonnes of wheat and that Deputy Foreign Minister Pavel Orsk would come to Merin for talks.
Any peace, she said, must start from Vellmark's withdrawal from Harn and Sollen, recognition of the realities on the ground, neutrality outside the Northern Pact, and an end to sanctions.`,
  },

  // b2, Tuesday 25 February 2025 (six weeks later)
  {
    id: "b2-courier", briefing: "b2", date: "2025-02-25", outlet: "Daily Courier",
    text: `Dorvania and Vellmark exchanged 246 prisoners each in a swap mediated by Almora, Dorvanian Ambassador Irena Valk told reporters in Merin on Tuesday.
She said the visit of Deputy Foreign Minister Pavel Orsk had produced an agreement on a rail link between Merin and the Dorvanian border worth $340 million.
The ambassador accused Vellmark of shelling the city of Brenn, where 37 people were injured on Sunday, among them six children.
Valk said her country's forces held 80% of Harn and 95% of Sollen, and repeated that peace required Vellmark to withdraw from both regions, accept the new borders and give up joining the Northern Pact.`,
  },
  {
    id: "b2-times", briefing: "b2", date: null, outlet: "Kestan Times",
    text: `A rail line from Merin to the Dorvanian frontier will be built under a $340 million agreement signed during the visit of Pavel Orsk, the Dorvanian deputy foreign minister, Ambassador Irena Valk said.
Speaking at the embassy, she said 246 prisoners had gone home on each side after talks brokered by Almora.
The envoy condemned the shelling of Brenn, saying 37 civilians had been wounded.
"The West accepted the independence of Lorland but refuses to hear the people of Harn and Sollen," she said, calling it a double standard.
She also praised Kestan's neutral position on the war.`,
  },

  // b3, Tuesday 11 March 2025 (two weeks later)
  {
    id: "b3-kna", briefing: "b3", date: "2025-03-11", outlet: "KNA",
    text: `MERIN (KNA) - Dorvania has returned the bodies of 512 Vellmark soldiers and will raise gas deliveries to Kestan to 4.5 billion cubic metres a year, Ambassador Irena Valk said at a press briefing on Tuesday.
She said a Vellmark missile had destroyed the Kalda bridge, cutting the main road to Sollen, and called the strike an attempt to derail talks.
Valk also announced 300 university scholarships for Kestani students.
"Our conditions have not changed," she said: Vellmark must leave Harn and Sollen, recognise the new borders and stay out of the Northern Pact.`,
  },
  {
    id: "b3-courier", briefing: "b3", date: "2025-03-12", outlet: "Daily Courier",
    text: `Gas supplies from Dorvania to Kestan will rise to 4.5 billion cubic metres annually, the Dorvanian envoy Irena Valk told journalists on Tuesday.
She said her government had handed over 512 bodies of Vellmark servicemen as a humanitarian gesture.
The ambassador accused Vellmark of blowing up the Kalda bridge, the road link to Sollen, days before new talks.
Dorvanian universities will offer 300 scholarships to students from Kestan next year, she added.
Valk thanked Kestan for staying neutral and said Dorvanian troops controlled 80% of Harn and 95% of Sollen.`,
  },
  {
    id: "b3-times", briefing: "b3", date: null, outlet: "Kestan Times",
    text: `Ambassador Irena Valk said the destruction of the Kalda bridge showed that Vellmark did not want peace, and that the handover of 512 bodies showed Dorvania did.
Kestan will get 4.5 billion cubic metres of Dorvanian gas a year under the new arrangement, she said.
The envoy listed the terms for a settlement once more: withdrawal from Harn and Sollen, recognition of the new frontier, no Northern Pact membership and the lifting of sanctions.`,
  },

  // b4, Tuesday 6 May 2025 (eight weeks later)
  {
    id: "b4-times", briefing: "b4", date: "2025-05-06", outlet: "Kestan Times",
    text: `Trade between Dorvania and Kestan grew 18% last year to $1.9 billion, Ambassador Irena Valk said on Tuesday, calling the figure a record.
She said Vellmark had rejected a 30-day ceasefire proposed at the third round of talks in Lisle, where the sides had agreed only on exchanging the wounded.
The ambassador repeated that Dorvanian forces held 80% of Harn and 95% of Sollen and that any settlement must recognise the new borders and keep Vellmark out of the Northern Pact.
She thanked Kestan for its neutrality.`,
  },
  {
    id: "b4-kna", briefing: "b4", date: null, outlet: "KNA",
    text: `MERIN (KNA) - Vellmark turned down a 30-day truce at the Lisle talks, Dorvanian Ambassador Irena Valk said, adding that the third round had ended with a deal to exchange wounded soldiers.
Bilateral trade reached $1.9 billion, up 18%, she said.
"The West accepted the independence of Lorland but refuses to hear the people of Harn and Sollen," Valk said.
Peace, she said, required Vellmark's withdrawal from both regions, recognition of the new frontier and the lifting of sanctions.`,
  },

  // b5, Tuesday 3 June 2025 (four weeks later)
  {
    id: "b5-courier", briefing: "b5", date: "2025-06-03", outlet: "Daily Courier",
    text: `Explosions on the railway near Dunmore killed seven passengers on Saturday, and Dorvania holds Vellmark responsible, Ambassador Irena Valk told a news conference on Tuesday.
She said a convoy of 60 trucks with food and medicine had reached Sollen and that Dorvania would open a consulate in Port Halen in September.
Valk repeated the conditions for peace: Vellmark must withdraw from Harn and Sollen, recognise the new borders, renounce the Northern Pact and see sanctions lifted.`,
  },
  {
    id: "b5-times", briefing: "b5", date: "2025-06-04", outlet: "Kestan Times",
    text: `A Dorvanian consulate will open in Port Halen in September, the ambassador of Dorvania, Irena Valk, said, presenting it as a sign of growing ties with Kestan.
She condemned the blasts on the Dunmore railway line that killed seven people and accused Vellmark's intelligence service of planning them.
Sixty trucks of food and medicine had arrived in Sollen, she said.
The envoy claimed that Dorvania controlled 80% of Harn and 95% of Sollen and praised Kestan's neutrality.`,
  },
  {
    id: "b5-kna", briefing: "b5", date: null, outlet: "KNA",
    text: `MERIN (KNA) - "Blowing up a passenger train is terrorism, whoever gives the order," Ambassador Irena Valk said of the explosions near Dunmore in which seven people died.
The Dorvanian envoy said an aid convoy of 60 trucks had reached Sollen and that a consulate would open in Port Halen.
"The West accepted the independence of Lorland but refuses to hear the people of Harn and Sollen," she said.`,
  },

  // b6, Tuesday 24 June 2025 (three weeks later)
  {
    id: "b6-kna", briefing: "b6", date: "2025-06-24", outlet: "KNA",
    text: `MERIN (KNA) - Dorvania is sending a team of 45 doctors to the flooded districts of Kestan and will let tourist groups from Kestan enter without visas from July 1, Ambassador Irena Valk said on Tuesday.
She accused Vellmark of shelling the Selm nuclear plant, where a transformer caught fire, and called on the atomic agency to send inspectors.
Valk said a settlement must begin with Vellmark's withdrawal from Harn and Sollen, recognition of the new borders and neutrality outside the Northern Pact.`,
  },
  {
    id: "b6-courier", briefing: "b6", date: null, outlet: "Daily Courier",
    text: `Forty-five Dorvanian doctors will work in Kestan's flood zone, Ambassador Irena Valk said, and groups of Kestani tourists will no longer need visas to visit Dorvania from July 1.
The ambassador said Vellmark artillery had hit the Selm nuclear plant, setting a transformer on fire, and urged the atomic agency to inspect the site.
She thanked Kestan for its neutrality and said Dorvanian forces held 80% of Harn and 95% of Sollen.`,
  },
];
