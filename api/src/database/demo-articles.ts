import type { Language, ThematicArea } from '@portal/shared';

export interface DemoArticle {
  slug: string;
  area: ThematicArea;
  membersOnly: boolean;
  versions: { language: Language; title: string; body: string }[];
}

/**
 * The demo's knowledge base (issue 21): the questions the network's specialists answer again
 * and again, one article or more per thematic area, in Spanish and one more language (the
 * Portuguese of Brazil's members, the French of Haiti's, English), published. Bodies use the
 * editor's plain format: paragraphs, "## " headings, "- " and "1. " lists.
 */
export const DEMO_ARTICLES: readonly DemoArticle[] = [
  {
    slug: 'preparar-la-auditoria-de-certificacion',
    area: 'standards-compliance',
    membersOnly: false,
    versions: [
      {
        language: 'es',
        title: 'Cómo preparar la auditoría de certificación Fairtrade',
        body: `La auditoría revisa que la organización cumple los criterios que le corresponden según su año de certificación. Una buena preparación evita no conformidades que luego cuestan meses de trabajo.

## Un mes antes
1. Lea con la junta directiva la lista de requisitos del Criterio para Organizaciones de Pequeños Productores de su año (año 0, 1, 3 o 6).
2. Ponga al día el padrón de socios: nombre, superficie, cultivo y volumen entregado de cada uno.
3. Reúna los registros de ventas Fairtrade y de la Prima, las actas de la Asamblea General y el Plan de Desarrollo Fairtrade aprobado.
4. Revise el estado de las no conformidades de la auditoría anterior y documente lo que ya cerró.

## La semana de la auditoría
- Avise a los socios y al personal: el auditor entrevista a productores elegidos al azar y visita parcelas.
- Tenga a mano la lista de materiales peligrosos y los registros de aplicación de las parcelas.
- Designe a una persona que acompañe al auditor y anote cada pedido de documentos.

## Después
Recibirá el informe con las no conformidades y el plazo para cerrarlas. Envíe las evidencias antes del plazo: si necesita ayuda para redactar el plan de acciones correctivas, abra una solicitud en el área de Cumplimiento de estándares.`,
      },
      {
        language: 'pt',
        title: 'Como preparar a auditoria de certificação Fairtrade',
        body: `A auditoria verifica se a organização cumpre os critérios do seu ano de certificação. Uma boa preparação evita não conformidades que depois custam meses de trabalho.

## Um mês antes
1. Leia com a diretoria a lista de requisitos do Critério para Organizações de Pequenos Produtores do seu ano (ano 0, 1, 3 ou 6).
2. Atualize o cadastro de sócios: nome, área, cultura e volume entregue de cada um.
3. Reúna os registros de vendas Fairtrade e do Prêmio, as atas da Assembleia Geral e o Plano de Desenvolvimento Fairtrade aprovado.
4. Confira a situação das não conformidades da auditoria anterior e documente o que já foi fechado.

## Na semana da auditoria
- Avise sócios e equipe: o auditor entrevista produtores escolhidos ao acaso e visita áreas de produção.
- Tenha à mão a lista de materiais perigosos e os registros de aplicação.
- Escolha uma pessoa para acompanhar o auditor e anotar cada pedido de documentos.

## Depois
Você receberá o relatório com as não conformidades e o prazo para fechá-las. Envie as evidências antes do prazo; se precisar de ajuda com o plano de ações corretivas, abra uma solicitação na área de Cumprimento de normas.`,
      },
    ],
  },
  {
    slug: 'uso-de-la-prima-fairtrade',
    area: 'fair-trade-visibility',
    membersOnly: false,
    versions: [
      {
        language: 'es',
        title: 'La Prima Fairtrade: quién decide y cómo se rinde cuentas',
        body: `La Prima Fairtrade es un monto adicional al precio que el comprador paga por cada venta en condiciones Fairtrade. No es un ingreso de la gerencia: pertenece a la organización y la decide su Asamblea General.

## Cómo se decide su uso
1. La junta o un comité de la Prima consulta a los socios sus necesidades.
2. Se redacta el Plan de Desarrollo Fairtrade con los proyectos, su presupuesto y sus plazos.
3. La Asamblea General aprueba el plan; el acta debe quedar firmada y archivada.

## Usos frecuentes
- Mejoras de productividad y calidad: renovación de cafetales, secadoras, centros de acopio.
- Servicios a los socios: asistencia técnica, fondos de crédito, salud y educación.
- Proyectos para la comunidad: agua potable, caminos, escuelas.

## Rendir cuentas
Lleve un registro separado de los ingresos y gastos de la Prima, con facturas. Presente cada año a la Asamblea lo gastado frente a lo aprobado. El auditor revisará que el uso coincida con lo aprobado.

Para contar a compradores y consumidores lo que lograron con la Prima, escriba al área de Visibilidad del comercio justo: les ayudamos a preparar fotos, cifras y testimonios.`,
      },
      {
        language: 'en',
        title: 'The Fairtrade Premium: who decides and how to account for it',
        body: `The Fairtrade Premium is an amount on top of the price that the buyer pays for every sale on Fairtrade terms. It is not management's income: it belongs to the organization, and its General Assembly decides how to use it.

## How its use is decided
1. The board or a Premium committee asks members what they need.
2. The Fairtrade Development Plan is written with the projects, their budget and their timeline.
3. The General Assembly approves the plan; the minutes must be signed and filed.

## Common uses
- Productivity and quality: renewing coffee plots, dryers, collection centres.
- Services to members: technical assistance, credit funds, health and education.
- Community projects: drinking water, roads, schools.

## Accounting for it
Keep separate records of Premium income and spending, with invoices. Each year, show the Assembly what was spent against what was approved. The auditor will check that the use matches the approval.

To tell buyers and consumers what the Premium achieved, write to the Fair trade visibility area: we help you prepare photos, figures and testimonies.`,
      },
    ],
  },
  {
    slug: 'encontrar-compradores-fairtrade',
    area: 'market-access',
    membersOnly: true,
    versions: [
      {
        language: 'es',
        title: 'Cómo encontrar nuevos compradores Fairtrade',
        body: `Vender más en condiciones Fairtrade es la forma más directa de aumentar la Prima. Estos pasos ayudan a presentarse ante compradores.

## Prepare su ficha de oferta
- Producto, calidad (puntaje de taza, grado, calibre), volumen disponible por mes y certificaciones.
- Fotos recientes del producto y del centro de acopio.
- Muestras: tenga un procedimiento para enviarlas en menos de dos semanas.

## Dónde buscar
1. La base de datos de compradores registrados en FLOCERT: confirme que el comprador tiene certificado vigente antes de negociar.
2. Ferias y ruedas de negocio a las que la red invita cada año; pida a su representante de país el calendario.
3. Los compradores actuales: pregunte si otras de sus marcas o filiales compran el mismo producto.

## Al negociar
El precio nunca puede ser menor que el Precio Mínimo Fairtrade vigente, y la Prima se paga además del precio. Pida el contrato por escrito, con las condiciones de prefinanciamiento si las necesita.

Este artículo es solo para miembros de la red. Si quiere que revisemos su ficha de oferta antes de una feria, abra una solicitud en el área de Acceso a mercados.`,
      },
      {
        language: 'fr',
        title: 'Comment trouver de nouveaux acheteurs Fairtrade',
        body: `Vendre davantage aux conditions Fairtrade est le moyen le plus direct d'augmenter la Prime. Ces étapes aident à se présenter aux acheteurs.

## Préparez votre fiche d'offre
- Produit, qualité (note de dégustation, grade, calibre), volume disponible par mois et certifications.
- Photos récentes du produit et du centre de collecte.
- Échantillons : prévoyez de pouvoir les envoyer en moins de deux semaines.

## Où chercher
1. La base de données des acheteurs enregistrés chez FLOCERT : vérifiez que l'acheteur a un certificat valide avant de négocier.
2. Les salons et rencontres d'affaires auxquels le réseau invite chaque année ; demandez le calendrier à votre représentant pays.
3. Vos acheteurs actuels : demandez si d'autres marques ou filiales achètent le même produit.

## En négociant
Le prix ne peut jamais être inférieur au Prix minimum Fairtrade en vigueur, et la Prime s'ajoute au prix. Demandez un contrat écrit, avec les conditions de préfinancement si vous en avez besoin.

Cet article est réservé aux membres du réseau. Pour une relecture de votre fiche d'offre avant un salon, ouvrez une demande dans le domaine Accès aux marchés.`,
      },
    ],
  },
  {
    slug: 'manejo-integrado-de-plagas',
    area: 'sustainable-production',
    membersOnly: false,
    versions: [
      {
        language: 'es',
        title: 'Manejo integrado de plagas sin materiales prohibidos',
        body: `El Criterio Fairtrade prohíbe los plaguicidas de la lista roja y restringe los de la lista ámbar. El manejo integrado de plagas reduce su uso y protege la salud de las familias.

## Los cuatro pasos
1. Prevenir: variedades resistentes, podas, sombra regulada y limpieza de frutos caídos (broca del café).
2. Observar: recorra las parcelas cada dos semanas y anote el porcentaje de plantas afectadas.
3. Decidir con umbrales: actúe solo cuando la plaga pasa el nivel de daño acordado con su técnico.
4. Controlar primero con métodos biológicos y trampas (por ejemplo, trampas con alcohol para la broca, hongo Beauveria bassiana).

## Si debe aplicar un producto
- Compruebe que no esté en la lista de materiales peligrosos vigente.
- Use equipo de protección y respete el tiempo de reingreso a la parcela.
- Anote la fecha, la parcela, el producto, la dosis y quién aplicó: el auditor pedirá estos registros.
- Guarde los productos bajo llave, lejos de alimentos y agua.

Para un plan adaptado a su cultivo, abra una solicitud en el área de Producción sostenible.`,
      },
      {
        language: 'pt',
        title: 'Manejo integrado de pragas sem materiais proibidos',
        body: `O Critério Fairtrade proíbe os agrotóxicos da lista vermelha e restringe os da lista âmbar. O manejo integrado de pragas reduz seu uso e protege a saúde das famílias.

## Os quatro passos
1. Prevenir: variedades resistentes, podas, sombreamento e limpeza dos frutos caídos (broca-do-café).
2. Observar: percorra as áreas a cada duas semanas e anote a porcentagem de plantas atacadas.
3. Decidir com limites: aja só quando a praga passa o nível de dano combinado com o seu técnico.
4. Controlar primeiro com métodos biológicos e armadilhas (armadilhas com álcool para a broca, fungo Beauveria bassiana).

## Se precisar aplicar um produto
- Confira que ele não está na lista de materiais perigosos em vigor.
- Use equipamento de proteção e respeite o intervalo de reentrada.
- Anote data, área, produto, dose e quem aplicou: o auditor pedirá esses registros.
- Guarde os produtos trancados, longe de alimentos e da água.

Para um plano adaptado à sua cultura, abra uma solicitação na área de Produção sustentável.`,
      },
    ],
  },
  {
    slug: 'plan-de-adaptacion-al-cambio-climatico',
    area: 'climate-resilience',
    membersOnly: false,
    versions: [
      {
        language: 'es',
        title: 'Plan de adaptación al cambio climático de la organización',
        body: `Sequías más largas, lluvias fuera de temporada y nuevas plagas ya afectan las cosechas. Un plan de adaptación ordena lo que la organización hará y ayuda a conseguir fondos.

## Cómo armarlo
1. Reúna a los socios por zona y pregunte qué cambió en los últimos diez años: lluvias, temperaturas, plagas, rendimientos.
2. Marque en un mapa las parcelas y fuentes de agua más expuestas.
3. Elija pocas medidas y póngales responsable, costo y fecha.

## Medidas que funcionan en la región
- Sistemas agroforestales con sombra diversa para bajar la temperatura del cultivo.
- Cosecha de agua de lluvia y riego por goteo en viveros.
- Barreras vivas y curvas a nivel contra la erosión.
- Variedades más tolerantes a la sequía y a la roya.
- Un fondo de emergencia, que puede financiarse en parte con la Prima si la Asamblea lo aprueba.

## Financiamiento
Con el plan escrito, la red puede ayudarles a presentarlo a fondos climáticos y a compradores con programas de sostenibilidad. Abra una solicitud en el área de Resiliencia climática y adjunte el plan.`,
      },
      {
        language: 'fr',
        title: "Plan d'adaptation au changement climatique de l'organisation",
        body: `Des sécheresses plus longues, des pluies hors saison et de nouveaux ravageurs touchent déjà les récoltes. Un plan d'adaptation organise ce que l'organisation va faire et aide à obtenir des financements.

## Comment le construire
1. Réunissez les membres par zone et demandez ce qui a changé en dix ans : pluies, températures, ravageurs, rendements.
2. Marquez sur une carte les parcelles et les sources d'eau les plus exposées.
3. Choisissez peu de mesures et donnez à chacune un responsable, un coût et une date.

## Des mesures qui marchent dans la région
- Systèmes agroforestiers avec un ombrage varié pour rafraîchir la culture.
- Récupération de l'eau de pluie et irrigation goutte à goutte en pépinière.
- Haies vives et courbes de niveau contre l'érosion.
- Variétés plus tolérantes à la sécheresse et à la rouille.
- Un fonds d'urgence, en partie financé par la Prime si l'Assemblée l'approuve.

## Financement
Avec un plan écrit, le réseau peut vous aider à le présenter à des fonds climat et à des acheteurs qui ont des programmes de durabilité. Ouvrez une demande dans le domaine Résilience climatique et joignez le plan.`,
      },
    ],
  },
  {
    slug: 'prevenir-el-trabajo-infantil',
    area: 'human-rights',
    membersOnly: false,
    versions: [
      {
        language: 'es',
        title: 'Prevenir y remediar el trabajo infantil en la organización',
        body: `El Criterio Fairtrade prohíbe que niñas y niños menores de 15 años trabajen, y que menores de 18 hagan trabajos peligrosos. Pueden ayudar en tareas ligeras de la finca familiar fuera del horario escolar, sin riesgo y bajo supervisión.

## Qué se espera de la organización
1. Una política escrita contra el trabajo infantil, aprobada por la Asamblea y explicada a todos los socios.
2. Un sistema de seguimiento y remediación: personas de la comunidad que visitan las fincas, identifican riesgos y registran casos.
3. Un procedimiento que pone primero el interés del niño: si se encuentra un caso, no se expulsa al socio sin más; se acuerda con la familia el regreso a la escuela y se hace seguimiento.

## Ideas para la prevención
- Campañas en las asambleas y con las escuelas antes de la cosecha.
- Apoyo con útiles escolares o transporte financiado con la Prima.
- Grupos de mano de obra de adultos para las cosechas.

Si encuentra un caso y no sabe cómo actuar, abra una solicitud en el área de Derechos humanos: el caso se trata con confidencialidad.`,
      },
      {
        language: 'en',
        title: 'Preventing and remedying child labour in the organization',
        body: `The Fairtrade Standard forbids work by children under 15, and hazardous work by anyone under 18. Children may help with light tasks on the family farm outside school hours, without risk and under supervision.

## What is expected of the organization
1. A written policy against child labour, approved by the Assembly and explained to every member.
2. A monitoring and remediation system: people of the community who visit farms, spot risks and record cases.
3. A procedure that puts the child's interest first: a case found does not simply mean expelling the member; the return to school is agreed with the family and followed up.

## Prevention ideas
- Campaigns at assemblies and with schools before the harvest.
- School supplies or transport paid with the Premium.
- Adult labour groups for the harvest.

If you find a case and do not know how to act, open a request in the Human rights area: it is handled in confidence.`,
      },
    ],
  },
  {
    slug: 'participacion-de-mujeres-y-jovenes',
    area: 'social-inclusion',
    membersOnly: false,
    versions: [
      {
        language: 'es',
        title: 'Más mujeres y jóvenes en la organización',
        body: `Las organizaciones donde mujeres y jóvenes participan en las decisiones son más fuertes y tienen relevo. Fairtrade pide no discriminar y anima a tomar medidas activas.

## Medidas que otras organizaciones tomaron
1. Permitir la afiliación de cada persona que trabaja la finca, no solo del titular de la tierra.
2. Reservar puestos para mujeres y jóvenes en la junta y en el comité de la Prima.
3. Fijar asambleas en horarios y lugares a los que las mujeres pueden ir, con cuidado de niños.
4. Crear un comité de género y un comité de jóvenes con presupuesto propio.

## Proyectos con la Prima
- Escuelas de liderazgo para mujeres productoras.
- Becas para que hijas e hijos de socios estudien agronomía o administración.
- Pequeños negocios: cafeterías, viveros, apicultura, manejados por grupos de mujeres o jóvenes.

Cuente cuántas mujeres y jóvenes son socios y cuántos están en cargos: esas cifras muestran el avance. Para diseñar un plan de inclusión, abra una solicitud en el área de Inclusión social.`,
      },
      {
        language: 'pt',
        title: 'Mais mulheres e jovens na organização',
        body: `Organizações em que mulheres e jovens participam das decisões são mais fortes e têm sucessão. O Fairtrade pede que não haja discriminação e incentiva medidas ativas.

## Medidas que outras organizações tomaram
1. Permitir a filiação de cada pessoa que trabalha na propriedade, não só do titular da terra.
2. Reservar vagas para mulheres e jovens na diretoria e no comitê do Prêmio.
3. Marcar assembleias em horários e locais acessíveis às mulheres, com cuidado das crianças.
4. Criar um comitê de gênero e um comitê de jovens com orçamento próprio.

## Projetos com o Prêmio
- Escolas de liderança para produtoras.
- Bolsas para filhas e filhos de sócios estudarem agronomia ou administração.
- Pequenos negócios (cafeterias, viveiros, apicultura) geridos por grupos de mulheres ou jovens.

Conte quantas mulheres e jovens são sócios e quantos ocupam cargos: esses números mostram o avanço. Para desenhar um plano de inclusão, abra uma solicitação na área de Inclusão social.`,
      },
    ],
  },
];
