import type { PhraseBank } from './types';

export const EN: PhraseBank = {
  language: 'en',
  products: {
    coffee: { name: 'coffee', pest: 'coffee leaf rust' },
    quinoa: { name: 'quinoa', pest: 'downy mildew' },
    cocoa: { name: 'cocoa', pest: 'frosty pod rot' },
    honey: { name: 'honey', pest: 'varroa mites' },
    bananas: { name: 'bananas', pest: 'black Sigatoka' },
    flowers: { name: 'flowers', pest: 'thrips' },
  },
  months: [
    'January',
    'February',
    'March',
    'April',
    'May',
    'June',
    'July',
    'August',
    'September',
    'October',
    'November',
    'December',
  ],
  greeting: (name) => `Hi ${name},`,
  signature: (name) => `Best regards,\n${name}`,
  topics: {
    'standards-compliance': [
      {
        subject: 'Getting ready for the certification audit in {month}',
        description:
          'Our certification audit is planned for {month}. We are worried about the traceability records between the farms and the packing station, especially in {place}. Could you go through the Standard checklist with us before the visit?',
        reply:
          'Thanks for getting in touch early. Let’s go through the checklist together: I suggest a call on Thursday to review traceability and the delivery records per member.',
        ask: 'To prepare the call, could you send us your latest internal audit report and the delivery records from {place} for the last three months?',
        answer:
          'Attached are the internal audit report and the delivery records. Two members’ delivery notes are still missing; we will send them this week.',
        followUp:
          'I went through the records: the flow of {product} is well documented, but some delivery notes lack the receiving signature. Once that is fixed, traceability should be compliant.',
        resolution:
          'The control points for the audit are ready: traceability, records per member and the improvement plan from the last audit. I’m leaving you a short guide to what auditors usually ask for. Good luck with the visit!',
        memberFile: 'internal-audit-report.pdf',
        staffFile: 'audit-preparation-guide.pdf',
      },
      {
        subject: 'Non-conformity in {place}: a pesticide on the Hazardous Materials List',
        description:
          'At the last audit we received a non-conformity because some members in {place} still use a pesticide from the red list. We have 60 days to submit a corrective action plan and we are not sure which alternatives to propose.',
        reply:
          'I understand the deadline is tight. The non-conformity can be closed with a plan that shows the product being withdrawn, members trained and alternative practices in place; I’m sharing a template other cooperatives have used.',
        ask: 'Could you confirm how many members are concerned and which product exactly they use? Then we can tailor the plan to your case.',
        answer:
          'It is 18 members in {place}, using a nematicide on the banana mats. The board has agreed to withdraw it.',
        followUp:
          'With those figures the plan is feasible: clean planting material, better drainage and a training day on integrated pest management. I suggest budgeting the training from the premium.',
        resolution:
          'The corrective action plan is complete: product withdrawn, training scheduled and a follow-up record per member. You can submit it to the certification body within the deadline.',
        memberFile: 'board-minutes.pdf',
        staffFile: 'corrective-action-plan.pdf',
      },
    ],
    'market-access': [
      {
        subject: 'Finding buyers for more of our {product}',
        description:
          'We expect higher volumes than last year and our current buyer cannot take everything on Fairtrade terms. Could you help us reach importers interested in Fairtrade {product}?',
        reply:
          'Gladly. We have a list of importers looking for certified {product} right now; before introducing the cooperative to them I need a few details.',
        ask: 'Could you send us your organization profile with available volumes, quality, certifications and the price of your last contract?',
        answer:
          'Attached is our profile with weekly volumes, quality specifications and certifications. Our last contract was at the Fairtrade Minimum Price plus premium.',
        followUp:
          'I shared your profile with three importers in Europe and one in the United Kingdom; two asked for a trial shipment. I’m passing on their contacts so you can arrange it.',
        resolution:
          'You are now in direct contact with the two interested importers, and I left you a note on negotiating the minimum price, the premium and pre-finance in the contract. Let us know how the trial shipment goes.',
        memberFile: 'organization-profile.pdf',
        staffFile: 'interested-importers.pdf',
      },
      {
        subject: 'Pre-finance for this season’s contract ({product})',
        description:
          'The buyer is offering a contract for this season, but we need an advance to pay members at delivery. What does the Standard say about pre-finance and how do we ask for it?',
        reply:
          'The Trader Standard requires the buyer to offer up to 60 % of the contract value as pre-finance if the organization asks for it. Let’s look at the contract and see how to request it.',
        ask: 'Could you send me the draft contract and the delivery schedule the buyer is proposing?',
        answer:
          'Here is the draft. Deliveries would be weekly and the first payment would only arrive 45 days after shipment.',
        followUp:
          'The draft mentions neither pre-finance nor the premium. I propose a clause asking for 60 % on signature and the premium paid separately; it is in the attached document.',
        resolution:
          'The buyer accepted 60 % pre-finance and payment of the premium on a separate invoice. We consider this resolved; if anything comes up with deliveries, just write in this request.',
        memberFile: 'draft-contract.pdf',
        staffFile: 'pre-finance-clauses.pdf',
      },
    ],
    'sustainable-production': [
      {
        subject: '{pest} spreading in {place}',
        description:
          'For the past month {pest} has been spreading fast in {place}. Some members say they could lose a third of their production. We are asking for technical support with a management plan.',
        reply:
          'Sorry to hear that. When it spreads like this you need to act fast with an integrated plan: removing infected leaves, drainage, nutrition and biological control where possible. Let’s arrange a visit from a technician.',
        ask: 'Could you send us photos of the damage and the number of members affected in {place}?',
        answer:
          'Here are the photos. There are 32 members affected in {place}; on the higher farms the damage is lighter.',
        followUp:
          'The technician looked at the photos and confirms the diagnosis. He proposes a two-step plan and a field day with the extension officers.',
        resolution:
          'The {pest} management plan is agreed: a field day, measures in stages paid partly from the premium and a follow-up in three months. The technical guide is attached.',
        memberFile: 'field-damage-photos.png',
        staffFile: 'integrated-management-guide.pdf',
      },
      {
        subject: 'Fairtrade Premium plan for the {month} general assembly',
        description:
          'The general assembly meets in {month} to approve the Premium plan. The board wants to propose farm rehabilitation and a credit fund, but we are not sure it meets the Standard.',
        reply:
          'It’s a good time to review it. The Standard asks for the plan to be based on a needs assessment, approved by the assembly and reported on. Both projects are eligible.',
        ask: 'Could you share the draft plan with the budget per project and last year’s premium use report?',
        answer:
          'Here are the draft and last year’s report. We propose 40 % of the premium for rehabilitation, 35 % for the credit fund and the rest for certification costs.',
        followUp:
          'The draft is good. I suggest adding simple indicators for each project (hectares rehabilitated, members with credit) for next year’s report.',
        resolution:
          'The Premium plan is ready for the assembly, with a budget, indicators and template minutes to record the vote. Have a good assembly!',
        memberFile: 'premium-by-project.png',
        staffFile: 'assembly-minutes-template.pdf',
      },
    ],
    'climate-resilience': [
      {
        weather: 'storm',
        subject: 'Storm damage in {place}',
        description:
          'Last week’s tropical storm flattened plants, blocked the feeder roads and damaged the packing shed in {place}. We need advice on requesting emergency support and on reorganizing deliveries.',
        reply:
          'We are very sorry about the damage. We are starting the emergency protocol: first a damage record, then the request to the emergency fund and a word with your buyers.',
        ask: 'Could you send us the damage record with photos and the list of affected families?',
        answer:
          'Here are the photos and the list: 29 families affected, the packing shed roof damaged and the main road blocked for three days.',
        followUp:
          'The emergency fund approved a first grant for the roof. I also told your buyers that shipments may be two weeks late.',
        resolution:
          'The emergency grant to repair the packing shed is approved and the buyers accepted the new delivery schedule. For the next hurricane season I’m leaving you a contingency plan.',
        memberFile: 'storm-damage-photos.png',
        staffFile: 'hurricane-contingency-plan.pdf',
      },
      {
        weather: 'dry',
        subject: 'Long dry spell in {place}',
        description:
          'It has not rained in {place} for six weeks and members are worried about the next harvest. Is there support for irrigation or rainwater harvesting?',
        reply:
          'Thanks for letting us know. There are two paths: immediate measures (mulching, small water tanks) and an adaptation project for a climate fund. Let’s start with the assessment.',
        ask: 'Could you fill in the climate assessment form with your water sources, the most exposed areas and last season’s losses?',
        answer:
          'Here is the assessment form. The most exposed farms are in the lower part of {place}, far from any water source.',
        followUp:
          'From the assessment I drafted a proposal for family water tanks and drip lines. A call from the resilience fund is open until next month.',
        resolution:
          'The adaptation proposal has been submitted to the climate resilience fund, with the assessment and the budget. Meanwhile, here are the recommendations for the dry season.',
        memberFile: 'climate-assessment.pdf',
        staffFile: 'dry-season-recommendations.pdf',
      },
    ],
    'human-rights': [
      {
        subject: 'Working conditions of casual workers in {place}',
        description:
          'Some members in {place} hire casual workers and the auditor asked about their conditions: pay, hours, drinking water and protective equipment. We want to guide members properly.',
        reply:
          'Audits look at this more and more. I’ll prepare a short list of what each member must provide to casual workers and a simple record form.',
        ask: 'How many members hire casual workers, and how many people on average? Are they paid by the day or by the box?',
        answer: 'About 40 members hire one or two workers each on harvest days. Most pay by the box; a few by the day.',
        followUp:
          'With pay by the box, nobody may earn less than the daily minimum wage. I added a column to the form to check it.',
        resolution:
          'You have the list of requirements and the record form for casual workers. I suggest presenting them at the next members’ meeting.',
        memberFile: 'members-hiring-workers.pdf',
        staffFile: 'casual-worker-requirements.pdf',
      },
    ],
    'social-inclusion': [
      {
        subject: 'More young people and women on the board: {month} assembly',
        description:
          'At the {month} assembly we elect the board and we want more young people and women on it. Do you have experiences from other organizations or model by-laws?',
        reply:
          'What a great initiative! Several organizations in the network changed their by-laws to reserve seats, or created youth and women’s committees with a voice on the board. Here are the options.',
        ask: 'Could you send us your current by-laws, so we can see what can change without an extraordinary assembly?',
        answer: 'Here are the by-laws. Today, of nine board members only one is a woman and none is under 35.',
        followUp:
          'The by-laws allow committees to be created by the ordinary assembly. I suggest a youth committee and a women’s committee, each with a seat on the board.',
        resolution:
          'The proposal for the assembly is ready: two new committees with one board seat each, and leadership training paid from the premium. Here is the model by-law.',
        memberFile: 'current-by-laws.pdf',
        staffFile: 'model-committee-by-laws.pdf',
      },
    ],
    'fair-trade-visibility': [
      {
        subject: 'Impact story from {place} for Fairtrade Fortnight',
        description:
          'We would like to tell how we used the premium in {place} for the Fairtrade Fortnight campaign. What format do you need, and how do we send photos with consent?',
        reply:
          'Thank you! Stories from producers are what consumers care about most. We need a short text, three or four photos and signed consent from the people in them.',
        ask: 'Could you send the text, the photos and the consent forms? We will prepare the post.',
        answer: 'Here is the story of the school bus paid from the premium, the figures and the signed consent forms.',
        followUp:
          'The story is lovely. We shortened it a little for social media; here is the draft for your approval.',
        resolution:
          'The story is published in the Fortnight campaign and shared with the buyers. Thank you for showing what the premium does in {place}.',
        memberFile: 'premium-invested.png',
        staffFile: 'story-draft.pdf',
      },
    ],
  },
  resumed: 'We are picking this up again and will go through the open point with you this week.',
  resolvedAgain: 'The open point is now settled. If it happens again, just write in this request.',
  thanks: [
    'Thank you, we will discuss it with the board and confirm.',
    'Thanks for the quick answer. We’ll stay in touch.',
    'Perfect, we will do that. Thanks.',
  ],
  reopen: [
    'The fix did not work: the problem is back.',
    'The buyer has still not confirmed; we need to keep going.',
    'One point was left open.',
  ],
  withdraw: [
    'We sorted it out directly with the buyer.',
    'We will take it to the assembly first.',
    'Sent by mistake; we will file it again with more detail.',
  ],
  waiting: ['Waiting for the documents requested.', 'Waiting for your confirmation.'],
  comments: {
    good: [
      'Very helpful, quick and clear answers.',
      'The guide was a great help for the assembly. Thank you!',
      'Excellent support from start to finish.',
    ],
    fair: [
      'Resolved, but it took longer than we expected.',
      'Useful information, but a field visit would have helped.',
    ],
    poor: ['We had to chase several times for an answer.', 'The answer came too late for what we needed.'],
  },
  notes: [
    'Called the cooperative’s manager: confirms what they wrote and asks for an answer before month end.',
    'Note: this organization had a similar case two years ago; check how it was closed.',
    'Checked with the certification team; the requirement applies as we read it.',
    'To do: check with finance whether the fund still has money this year.',
  ],
  escalation: [
    'Needs a decision of the regional directorate on the emergency fund.',
    'Conflict with the organization’s management: needs the director’s involvement.',
  ],
  reassignment: [
    'Balancing the team’s workload.',
    'Better followed by the colleague who knows the organization.',
    'Covering for a colleague on leave.',
  ],
  document: { prepared: 'Prepared by', date: 'Date', page: 'Page 1 of 1' },
};
