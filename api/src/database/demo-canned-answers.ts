import type { CannedAnswerBody } from '@portal/shared';

/**
 * The demo's canned answers (issue 19): what staff answer again and again to these members
 * — preparing a certification audit, using the Fairtrade Premium, adapting to the climate —
 * in Spanish and Portuguese (one in English), with the placeholders the reply box fills.
 */
export const DEMO_CANNED_ANSWERS: readonly CannedAnswerBody[] = [
  {
    area: 'standards-compliance',
    language: 'es',
    title: 'Preparación para la auditoría de certificación',
    body: `Estimado/a {{member_name}}:

Gracias por su consulta (referencia {{reference}}). Para preparar la auditoría de certificación Fairtrade les recomendamos:

1. Revisar con la junta directiva la lista de requisitos del Criterio para Organizaciones de Pequeños Productores que corresponden a su año de certificación.
2. Tener al día el padrón de socios (superficies y volúmenes), los registros de ventas Fairtrade y de la Prima, las actas de la Asamblea General y el Plan de Desarrollo Fairtrade.
3. Revisar la lista de materiales peligrosos y los registros de aplicación en las parcelas que el auditor podría visitar.
4. Cerrar, o documentar el avance de, las no conformidades de la auditoría anterior.
5. Avisar a los socios y al personal de las fechas: el auditor entrevista a productores elegidos al azar.

Les daremos una respuesta completa a más tardar el {{due_date}}. Si quieren una revisión previa de documentos, envíennos los archivos por este mismo medio.

Saludos cordiales.`,
  },
  {
    area: 'standards-compliance',
    language: 'pt',
    title: 'Preparação para a auditoria de certificação',
    body: `Prezado/a {{member_name}},

Obrigado pela sua consulta (referência {{reference}}). Para preparar a auditoria de certificação Fairtrade, recomendamos:

1. Revisar com a diretoria a lista de requisitos do Critério para Organizações de Pequenos Produtores que valem para o seu ano de certificação.
2. Manter em dia o cadastro de sócios (áreas e volumes), os registros de vendas Fairtrade e do Prêmio, as atas da Assembleia Geral e o Plano de Desenvolvimento Fairtrade.
3. Conferir a lista de materiais perigosos e os registros de aplicação nas áreas que o auditor pode visitar.
4. Fechar, ou documentar o andamento de, as não conformidades da auditoria anterior.
5. Avisar sócios e equipe sobre as datas: o auditor entrevista produtores escolhidos ao acaso.

Daremos uma resposta completa até {{due_date}}. Se quiserem uma revisão prévia dos documentos, enviem os arquivos por aqui mesmo.

Atenciosamente.`,
  },
  {
    area: 'standards-compliance',
    language: 'en',
    title: 'Preparing for the certification audit',
    body: `Dear {{member_name}},

Thank you for your question (reference {{reference}}). To prepare for the Fairtrade certification audit we suggest:

1. Go through the requirements of the Small-scale Producer Organization Standard that apply to your certification year with your board.
2. Keep up to date the member register (areas and volumes), the records of Fairtrade sales and of the Premium, the General Assembly minutes and the Fairtrade Development Plan.
3. Check the hazardous materials list and the application records for the plots the auditor may visit.
4. Close, or document progress on, the non-conformities of the last audit.
5. Tell members and staff the dates: the auditor interviews producers chosen at random.

We will give you a full answer by {{due_date}}. If you would like us to look over documents first, send them through this request.

Kind regards.`,
  },
  {
    area: 'standards-compliance',
    language: 'es',
    title: 'Uso de la Prima Fairtrade',
    body: `Estimado/a {{member_name}}:

Sobre el uso de la Prima Fairtrade (referencia {{reference}}):

- La Asamblea General decide el uso de la Prima a partir del Plan de Desarrollo Fairtrade que presenta la junta directiva; el acuerdo debe quedar en el acta.
- Puede destinarse a la organización, a la producción, a los socios y sus familias o a la comunidad; el plan debe decir el objetivo, el presupuesto y el calendario de cada proyecto.
- Lleven una contabilidad separada de la Prima y guarden los comprobantes: la auditoría revisa que el gasto coincida con lo aprobado.
- Para cambiar el uso de fondos ya aprobados hace falta un nuevo acuerdo de la Asamblea.

Si nos envían su plan actual, lo revisamos con ustedes antes del {{due_date}}.

Saludos cordiales.`,
  },
  {
    area: 'standards-compliance',
    language: 'pt',
    title: 'Uso do Prêmio Fairtrade',
    body: `Prezado/a {{member_name}},

Sobre o uso do Prêmio Fairtrade (referência {{reference}}):

- A Assembleia Geral decide o uso do Prêmio com base no Plano de Desenvolvimento Fairtrade apresentado pela diretoria; a decisão deve constar em ata.
- Ele pode ser usado na organização, na produção, nos sócios e suas famílias ou na comunidade; o plano deve dizer o objetivo, o orçamento e o cronograma de cada projeto.
- Mantenham uma contabilidade separada do Prêmio e guardem os comprovantes: a auditoria confere se o gasto corresponde ao aprovado.
- Para mudar o uso de recursos já aprovados é preciso uma nova decisão da Assembleia.

Se nos enviarem o plano atual, revisamos junto com vocês até {{due_date}}.

Atenciosamente.`,
  },
  {
    area: 'climate-resilience',
    language: 'es',
    title: 'Plan de adaptación al cambio climático',
    body: `Estimado/a {{member_name}}:

Gracias por escribirnos sobre adaptación al cambio climático (referencia {{reference}}). Para armar su plan de adaptación les proponemos empezar por:

1. Identificar con los socios los riesgos que ya están viviendo (sequías, lluvias intensas, nuevas plagas, heladas) y qué parcelas o cultivos son los más expuestos.
2. Priorizar medidas concretas: sombra y sistemas agroforestales, cosecha de agua, barreras vivas contra la erosión, renovación con variedades más tolerantes.
3. Estimar costos y fuentes de financiamiento, incluida la Prima Fairtrade si la Asamblea lo aprueba.

El especialista en clima de la región puede acompañarles en un taller con los socios. Les confirmaremos la fecha y los próximos pasos a más tardar el {{due_date}}.

Saludos cordiales.`,
  },
  {
    area: 'climate-resilience',
    language: 'pt',
    title: 'Plano de adaptação às mudanças climáticas',
    body: `Prezado/a {{member_name}},

Obrigado por nos escrever sobre adaptação às mudanças climáticas (referência {{reference}}). Para montar o plano de adaptação, propomos começar por:

1. Identificar com os sócios os riscos que já estão vivendo (secas, chuvas intensas, novas pragas, geadas) e quais áreas ou culturas estão mais expostas.
2. Priorizar medidas concretas: sombra e sistemas agroflorestais, captação de água da chuva, barreiras vivas contra a erosão, renovação com variedades mais tolerantes.
3. Estimar custos e fontes de financiamento, incluindo o Prêmio Fairtrade se a Assembleia aprovar.

O especialista em clima da região pode acompanhar vocês em uma oficina com os sócios. Confirmaremos a data e os próximos passos até {{due_date}}.

Atenciosamente.`,
  },
];
